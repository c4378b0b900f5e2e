import { defineConfig, loadEnv } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` proxies /chatkit and /api to the Tasktalk server, so a relative VITE_TASKTALK_URL
// (`/chatkit`) keeps every request same-origin and needs no CORS on the server.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, ".", "");
  const backend = env.TASKTALK_BACKEND || "http://localhost:8080";
  return {
    plugins: [react()],
    server: {
      proxy: {
        "/chatkit": { target: backend, changeOrigin: true },
        "/api": { target: backend, changeOrigin: true },
      },
    },
  };
});
