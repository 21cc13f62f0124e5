// A tiny element builder: attributes and text only — never HTML strings, so data cannot become markup.

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | number | null | undefined | false;

/**
 * Create an element. Strings become text nodes; `on*` keys are not accepted as attributes (listeners are
 * attached with addEventListener by the caller), so untrusted values can never add behaviour.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(key)) throw new Error(`h(): event attribute ${key} is not allowed`);
    // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' styles still allows.
    if (key === 'style') el.style.cssText = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/** Append children (text or nodes) to an element. */
export function append(el: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Remove all children of an element. */
export function clear(el: Element): void {
  el.replaceChildren();
}
