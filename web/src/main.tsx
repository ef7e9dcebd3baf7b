import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { setToken, hasToken } from './api.js';
import { Sessions } from './Sessions.js';
import { Review } from './Review.js';
import './styles.css';

/** Routes live in the URL fragment (#/s/SESSION?design=NAME&seq=N), so the server serves one page. */
function useRoute(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function TokenField({ onChange }: { onChange(): void }) {
  const [text, setText] = useState('');
  const [signedIn, setSignedIn] = useState(hasToken());
  return (
    <form
      className="token"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(text);
        setText('');
        setSignedIn(hasToken());
        onChange();
      }}
    >
      <label>
        Grant token{' '}
        <input type="password" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} placeholder={signedIn ? 'token set (kept in memory only)' : 'paste a grant token'} aria-label="Grant token" />
      </label>
      <button type="submit">Use token</button>
      {signedIn && (
        <button
          type="button"
          onClick={() => {
            setToken(null);
            setSignedIn(false);
            onChange();
          }}
        >
          Forget token
        </button>
      )}
    </form>
  );
}

function App() {
  const hash = useRoute();
  const [generation, setGeneration] = useState(0); // bumps when the token changes: everything is read again
  const m = /^#\/s\/([^?]+)(?:\?(.*))?$/.exec(hash);
  return (
    <>
      <header>
        <a href="#/" className="brand">ZapTrace review</a>
        <TokenField onChange={() => setGeneration((g) => g + 1)} />
      </header>
      <main>{m ? <Review key={`${m[1]}-${generation}`} sessionId={decodeURIComponent(m[1]!)} params={new URLSearchParams(m[2] ?? '')} /> : <Sessions key={generation} />}</main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
