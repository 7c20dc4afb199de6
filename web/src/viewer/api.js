// The viewer's calls to `unrest serve` (docs/viewer.md): JSON in and out, relative URLs only, and
// the server's {"error": "..."} answers turned into thrown Errors carrying that message.

async function answer(response) {
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : text || response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

/** GET a JSON resource under /api/. */
export async function getJSON(path) {
  return answer(await fetch(path, { headers: { accept: 'application/json' } }));
}

/** POST a JSON body (or none) to /api/...; resolves to the answer, rejects with the server's message. */
export async function postJSON(path, body) {
  const init = { method: 'POST', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return answer(await fetch(path, init));
}
