// The JSON API, with one error shape: {"error": {"code", "message", "detail"}}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function get(path, params, signal) {
  const response = await fetch(`/api/v1${path}${query(params)}`, {
    headers: { Accept: "application/json" }, signal, credentials: "same-origin",
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: "http_error", message: response.statusText };
    throw new ApiError(response.status, error.code, error.message);
  }
  return body;
}

/** A URL path part; ":" stays readable in keys such as country:KZ. */
export const enc = (part) => encodeURIComponent(part).replace(/%3A/gi, ":");
