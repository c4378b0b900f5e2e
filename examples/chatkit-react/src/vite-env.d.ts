/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_TASKTALK_URL?: string;
  readonly VITE_TASKTALK_DOMAIN_KEY?: string;
  readonly VITE_TASKTALK_TOKEN?: string;
}
