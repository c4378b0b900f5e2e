import { useState, type FormEvent } from "react";
import { ChatKit, useChatKit } from "@openai/chatkit-react";

/** Our ChatKit endpoint; absolute, or relative (`/chatkit`) to go through the dev server's proxy. */
const API_URL = import.meta.env.VITE_TASKTALK_URL || "http://localhost:8080/chatkit";
/** ChatKit checks this key against the page's domain; the placeholder works on localhost. */
const DOMAIN_KEY = import.meta.env.VITE_TASKTALK_DOMAIN_KEY || "domain_pk_localhost_dev";
/** Dev login lives beside the ChatKit endpoint: `<server>/api/dev/token`. */
const DEV_TOKEN_URL = new URL("/api/dev/token", new URL(API_URL, window.location.href)).toString();

export function App() {
  const [token, setToken] = useState<string | null>(import.meta.env.VITE_TASKTALK_TOKEN || null);
  return token ? <Chat token={token} /> : <SignIn onToken={setToken} />;
}

function Chat({ token }: { token: string }) {
  const { control } = useChatKit({
    api: {
      url: API_URL,
      domainKey: DOMAIN_KEY,
      uploadStrategy: { type: "two_phase" },
      // Every request to Tasktalk carries the bearer token.
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set("Authorization", `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
    composer: { placeholder: "Ask about your tasks…", attachments: { enabled: true } },
    onError: ({ error }) => console.error("ChatKit error", error),
  });
  return <ChatKit control={control} style={{ height: "100vh", width: "100%" }} />;
}

function SignIn({ onToken }: { onToken: (token: string) => void }) {
  const [user, setUser] = useState("");
  const [error, setError] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError("");
    try {
      const res = await fetch(DEV_TOKEN_URL, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user }),
      });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      onToken((await res.json()).token);
    } catch (e) {
      setError(`Dev login failed (${String(e)}); set VITE_TASKTALK_TOKEN instead.`);
    }
  }

  return (
    <form onSubmit={submit} style={{ maxWidth: 320, margin: "4rem auto", display: "grid", gap: 8 }}>
      <label htmlFor="user">User</label>
      <input id="user" value={user} onChange={(e) => setUser(e.target.value)} required />
      <button type="submit">Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
