import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { gzipSync } from 'node:zlib'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// Pre-compresses the build, so the platform sends gzip without compressing per request.
function gzipTwins(): Plugin {
  return {
    name: 'touyan-gzip-twins',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name)
          if (statSync(path).isDirectory()) walk(path)
          else if (/\.(js|css|html|svg|json)$/.test(name) && statSync(path).size > 1024) {
            writeFileSync(path + '.gz', gzipSync(readFileSync(path), { level: 9 }))
          }
        }
      }
      walk('dist')
    },
  }
}

// In development, /ballot/<token> is the ballot page as the platform serves it (StaticFiles.fallbackFor)
function ballotRoute(): Plugin {
  return {
    name: 'touyan-ballot-route',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/ballot\/[^/?]+\/?(\?.*)?$/.test(req.url)) req.url = '/ballot.html'
        next()
      })
    },
  }
}

export default defineConfig({
  // Element Plus components are imported where templates use them, not the whole library: the first
  // screen parses only what it shows. Its stylesheet stays one file (main.ts), so no style is missed.
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false }), gzipTwins(), ballotRoute()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // The residents' ballot page is an entry of its own: a phone that opens it loads none of the console
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: 'index.html', ballot: 'ballot.html' },
      output: {
        // Libraries change less often than the screens: their own files stay cached across releases
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('@element-plus')) return 'element-plus'
          if (id.includes('node_modules')) return 'vendor'
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: { environment: 'happy-dom', include: ['tests/**/*.test.ts'] },
} as any)
