import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { session } from './api/http'
import { useAuth } from './stores/auth'
import './style.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)
session.onUnauthorized(() => useAuth(pinia).sessionEnded())
app.mount('#app')
