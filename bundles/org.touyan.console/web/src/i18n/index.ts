import { createI18n } from 'vue-i18n'
import { messages } from './messages'

const saved = localStorage.getItem('touyan.locale')
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: messages as any,
})
