// The demo console: calls the payments API as the real ipocto console would, with a bearer token.
// Every value from the API is put on the page with textContent, never as HTML.
"use strict";

const api = "/api/v1";
const defaultCountry = { stripe: "US", payermax: "PH" };
// Webhooks arrive asynchronously; the result is polled this long before the page says it is still waiting.
const pollEveryMs = 1000;
const pollForMs = 30000;

const $ = (id) => document.getElementById(id);
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const providerNames = { stripe: "Stripe", payermax: "PayerMax" };
const statusNames = {
  awaiting_payment: "Awaiting payment",
  succeeded: "Succeeded",
  failed: "Failed",
  expired: "Expired",
  cancelled: "Cancelled",
  late_capture: "Captured late",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
};

let token = null;
let countries = [];
let idempotencyKey = null;
let methodsRequest = 0;
// ipocto's limits for this account (GET /topups/limits), refreshed with the balance.
let limits = null;
// Method names and kinds by provider and code, for the history table (orders carry only the method's code).
const methodNames = new Map();
const methodKinds = new Map();

// The methods' marks: brand-coloured text badges drawn here, so nothing is fetched from elsewhere.
const methodMarks = {
  alipay: ["Alipay", "#1677ff"],
  apple_pay: ["Pay", "#000"],
  google_pay: ["G Pay", "#fff", "#3c4043"],
  wechat_pay: ["WeChat", "#07c160"],
  gcash: ["GCash", "#0070e0"],
  qrph: ["QR Ph", "#0038a8"],
  bill_payment: ["Bills", "#5f6b7a"],
  dana: ["DANA", "#118eea"],
  linkaja: ["LinkAja", "#e82927"],
  bca: ["BCA", "#005eaa"],
  bri: ["BRI", "#00529c"],
  paynow: ["PayNow", "#7b2a8c"],
  pix: ["Pix", "#32bcad"],
  seven_eleven: ["7-11", "#f58220"],
  stcpay: ["stc pay", "#4f008c"],
  yushan_bank: ["E.SUN", "#00a19a"],
};
const kindMarks = {
  bank_transfer: ["Bank", "#2b4c7e"],
  realtime_payment: ["QR", "#2b4c7e"],
  over_the_counter: ["Store", "#5f6b7a"],
  bill_payment: ["Bills", "#5f6b7a"],
  wallet: ["Wallet", "#2b4c7e"],
};

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function money(view) {
  return view ? `${view.amount} ${view.currency}` : "";
}

// Only web addresses are followed: a payment page URL is never run as script.
function webUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

function countryName(code) {
  try {
    return regionNames.of(code) || code;
  } catch {
    return code;
  }
}

// Any random string will do; crypto.randomUUID needs a secure context, which a LAN address is not.
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function call(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Accept: "application/json", Authorization: `Bearer ${token}`, ...(options.headers || {}) },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body?.detail || `The request failed (${response.status}).`);
    error.code = body?.code;
    throw error;
  }
  return body;
}

function provider() {
  return document.querySelector("input[name=provider]:checked").value;
}

function fillCountries() {
  const select = $("country");
  const wanted = select.value || defaultCountry[provider()];
  select.replaceChildren(
    ...countries
      .map((c) => ({ code: c.code, name: countryName(c.code), providers: c.providers }))
      .sort((a, b) => a.name.localeCompare(b.name, "en"))
      .map((c) => {
        const option = el("option", `${c.name} (${c.code})`);
        option.value = c.code;
        return option;
      }),
  );
  select.value = wanted;
}

const svgNs = "http://www.w3.org/2000/svg";

function cardIcon() {
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", "0 0 32 22");
  svg.setAttribute("width", "30");
  svg.setAttribute("height", "20");
  const shapes = [
    ["rect", { x: "0.5", y: "0.5", width: "31", height: "21", rx: "3", fill: "#3b5bdb" }],
    ["rect", { x: "0.5", y: "5", width: "31", height: "4", fill: "#172033" }],
    ["rect", { x: "4", y: "13", width: "9", height: "4", rx: "1", fill: "#ffd43b" }],
    ["rect", { x: "18", y: "14", width: "10", height: "2", rx: "1", fill: "#c5d0fa" }],
  ];
  for (const [tag, attributes] of shapes) {
    const shape = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    svg.append(shape);
  }
  return svg;
}

// A method's badge; decorative, since its name is always written next to it.
function methodLogo(providerCode, code) {
  const logo = el("span", null, "method-logo");
  logo.setAttribute("aria-hidden", "true");
  const kind = methodKinds.get(`${providerCode}/${code}`);
  if (code === "card" || kind === "card") {
    logo.classList.add("method-logo-card");
    logo.append(cardIcon());
    return logo;
  }
  const name = methodNames.get(`${providerCode}/${code}`) ?? code;
  const [text, background, color] = methodMarks[code] ?? kindMarks[kind] ?? [name.slice(0, 4), "#5f6b7a"];
  logo.textContent = text;
  logo.style.background = background;
  logo.style.color = color ?? "#fff";
  if (background === "#fff") logo.classList.add("method-logo-light");
  return logo;
}

function methodOption(value, name, detail, logo) {
  const option = el("div", null, "method-option");
  const id = `method-${value || "any"}`;
  const input = el("input");
  input.type = "radio";
  input.name = "method";
  input.id = id;
  input.value = value;
  const label = el("label");
  label.htmlFor = id;
  label.append(logo, el("span", name, "method-name"));
  option.append(input, label);
  if (detail) {
    const note = el("span", detail, "method-detail");
    note.id = `${id}-detail`;
    input.setAttribute("aria-describedby", note.id);
    option.append(note);
  }
  return option;
}

function chosenMethod() {
  return document.querySelector("input[name=method]:checked")?.value ?? "";
}

// Step 1: what the chosen partner offers in the country for the amount, and why the rest is absent.
async function loadMethods() {
  const request = ++methodsRequest;
  const query = new URLSearchParams({ country: $("country").value, provider: provider() });
  const amount = $("amount").value.trim();
  if (amount) query.set("amount", amount);
  const offered = $("methods-offered");
  const limited = $("methods-limited");
  const unavailable = $("methods-unavailable");
  try {
    const view = await call(`${api}/payment-methods?${query}`);
    rememberNames(view);
    if (request !== methodsRequest) return;
    $("form-error").textContent = "";
    const chosen = chosenMethod();
    const anyLogo = el("span", "Any", "method-logo method-logo-any");
    anyLogo.setAttribute("aria-hidden", "true");
    offered.replaceChildren(
      methodOption("", "Choose on the payment page", "The partner lists every method it offers", anyLogo),
      ...view.offered.map((m) => {
        const pays = m.exchangeRate
          ? `You pay ${m.chargeAmount ?? ""} ${m.chargeCurrency} (${m.exchangeRate})`
          : `Charged in ${m.chargeCurrency}`;
        return methodOption(m.code, m.name, [pays, methodRange(m)].filter(Boolean).join(" · "), methodLogo(m.provider, m.code));
      }),
    );
    if (view.offered.length === 0) {
      offered.replaceChildren(el("p", `${providerNames[provider()]} offers no payment method here for this amount.`, "none"));
    }
    const keep = offered.querySelector(`input[value="${CSS.escape(chosen)}"]`) ?? offered.querySelector("input");
    if (keep) keep.checked = true;
    // Limits and currencies matter for this top-up; "not in this country" is the guide's general answer.
    const here = view.unavailable.filter((u) => u.reason !== "not_offered_in_country" && u.reason !== "provider_not_serving_country");
    const elsewhere = view.unavailable.filter((u) => !here.includes(u));
    limited.replaceChildren(...here.map((u) => reasonItem(u)));
    unavailable.replaceChildren(...elsewhere.map((u) => reasonItem(u)));
    $("methods-elsewhere").hidden = elsewhere.length === 0;
    $("topup-button").disabled = view.offered.length === 0;
  } catch (error) {
    if (request !== methodsRequest) return;
    offered.replaceChildren();
    limited.replaceChildren();
    unavailable.replaceChildren();
    $("form-error").textContent = describe(error);
    $("topup-button").disabled = true;
  }
}

// A method's own range for one payment, in the currency it charges, where its provider documents one.
function methodRange(method) {
  if (method.minimum && method.maximum) return `${method.minimum.amount}–${money(method.maximum)} a payment`;
  if (method.minimum) return `from ${money(method.minimum)} a payment`;
  if (method.maximum) return `up to ${money(method.maximum)} a payment`;
  return "";
}

// ipocto's own limits, beside the amount: per top-up, and what the last 24 hours leave.
async function loadLimits() {
  limits = await call(`${api}/topups/limits`);
  showLimits();
}

function showLimits() {
  if (!limits) return;
  const { minimumPerTopUp: min, largestNow: largest, remaining, maximumPer24Hours: perDay } = limits;
  const hint = $("amount-limits");
  const canTopUp = minorUnits(largest.amount) >= minorUnits(min.amount);
  hint.textContent = canTopUp
    ? `You can top up ${min.amount}–${money(largest)} now: ${money(remaining)} is left of ${money(perDay)} in any 24 hours.`
    : `Only ${money(remaining)} is left of ${money(perDay)} in any 24 hours, less than the smallest top-up (${money(min)}); you can top up again once earlier top-ups are 24 hours old.`;
  const amount = minorUnits($("amount").value.trim());
  const outside = !canTopUp || (amount !== null && (amount < minorUnits(min.amount) || amount > minorUnits(largest.amount)));
  hint.classList.toggle("warning", outside);
}

// A decimal amount as a whole number of hundredths or finer, for comparing amounts without floating point; null if not an amount.
function minorUnits(text) {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text);
  return match ? BigInt(match[1]) * 10000n + BigInt((match[2] ?? "").padEnd(4, "0")) : null;
}

function rememberNames(view) {
  for (const m of [...view.offered, ...view.unavailable]) methodNames.set(`${m.provider}/${m.code}`, m.name);
  for (const m of view.offered) methodKinds.set(`${m.provider}/${m.code}`, m.kind);
}

// Every method of both providers comes back, offered or with its reason, whatever the country.
async function loadMethodNames() {
  rememberNames(await call(`${api}/payment-methods?country=${defaultCountry.stripe}`));
}

function reasonItem(unavailable) {
  const item = el("li");
  item.append(el("strong", unavailable.name));
  item.append(document.createTextNode(" — "));
  item.append(el("span", unavailable.message));
  return item;
}

function describe(error) {
  return error.code ? `${error.message} (${error.code})` : error.message;
}

async function topUp(event) {
  event.preventDefault();
  const button = $("topup-button");
  button.disabled = true;
  $("form-error").textContent = "";
  // The same key for retries of the same request, so a lost answer never opens a second payment.
  idempotencyKey ??= newKey();
  try {
    const order = await call(`${api}/topups`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
      body: JSON.stringify({
        amount: { amount: $("amount").value.trim(), currency: $("currency").value },
        provider: provider(),
        country: $("country").value,
        paymentMethod: chosenMethod() || null,
        returnUrl: `${location.origin}/`,
      }),
    });
    const target = webUrl(order.paymentUrl);
    if (!target) throw new Error("The payment partner gave no payment page for this order.");
    button.textContent = `Redirecting to ${providerNames[order.provider]}…`;
    location.assign(target);
  } catch (error) {
    $("form-error").textContent = describe(error);
    if (error.code) idempotencyKey = null;
    button.disabled = false;
  }
}

async function loadBalance() {
  const balance = await call(`${api}/balance`);
  // Below zero only after a dispute took back money already spent; the notice says why and what to do.
  $("balance-amount").textContent = balance.balance.amount;
  $("balance-amount").classList.toggle("negative", balance.balance.amount.startsWith("-"));
  $("balance-currency").textContent = balance.balance.currency;
  $("balance-notice").hidden = !balance.notice;
  $("balance-notice").textContent = balance.notice ?? "";
  // Top-ups are asked in the balance currency: it is the form's one currency.
  const currency = $("currency");
  if (currency.value !== balance.available.currency) {
    const option = el("option", balance.available.currency);
    option.value = balance.available.currency;
    currency.replaceChildren(option);
  }
}

async function loadHistory() {
  const page = await call(`${api}/topups?limit=20`);
  $("history-rows").replaceChildren(
    ...page.items.map((t) => {
      const row = el("tr");
      const number = el("td");
      const link = el("a", t.orderNumber);
      link.href = `/?topup=${encodeURIComponent(t.id)}`;
      number.append(link);
      row.append(
        number,
        el("td", when(t.createdAt)),
        el("td", providerNames[t.provider] ?? t.provider),
        methodCell(t),
        el("td", money(t.amount), "num"),
        el("td", money(t.charge), "num"),
      );
      const status = el("td");
      status.append(badge(t.status));
      const dispute = t.disputes?.at(-1);
      if (dispute) {
        status.append(" ", disputeBadge(dispute));
      }
      row.append(status);
      return row;
    }),
  );
  $("history-empty").hidden = page.items.length > 0;
  const last = page.items.find((t) => t.status === "succeeded");
  $("balance-last").textContent = last ? `${money(last.amount)} · ${when(last.createdAt)}` : "None yet";
}

function when(timestamp) {
  return new Date(timestamp).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

function methodCell(topUp) {
  const cell = el("td");
  if (!topUp.paymentMethod) {
    cell.append(el("span", "Chosen on the payment page", "muted"));
    return cell;
  }
  const name = methodNames.get(`${topUp.provider}/${topUp.paymentMethod}`) ?? topUp.paymentMethod;
  const tag = el("span", null, "method-tag");
  tag.append(methodLogo(topUp.provider, topUp.paymentMethod), el("span", name, "method-name"));
  cell.append(tag);
  cell.className = "method-cell";
  return cell;
}

const disputeNames = {
  needs_response: "Disputed",
  under_review: "Disputed",
  won: "Dispute won",
  lost: "Dispute lost",
};

/** A top-up the customer's bank disputed: its state, and on hover the reason and the amount at stake. */
function disputeBadge(dispute) {
  const open = dispute.status === "needs_response" || dispute.status === "under_review";
  let name = disputeNames[dispute.status] ?? dispute.status;
  if (dispute.inquiry && (open || dispute.status === "won")) {
    name = open ? "Bank inquiry" : "Inquiry closed";
  }
  const tag = el("span", name, `badge badge-dispute-${dispute.status}`);
  tag.title = `${money(dispute.amount)} · reason: ${dispute.reason.replaceAll("_", " ")}`;
  return tag;
}

function badge(status) {
  return el("span", statusNames[status] ?? status, `badge badge-${status}`);
}

// Step 5: back from the payment page; the outcome arrives by webhook, so the order is polled until it is settled.
async function showResult(id, cancelled) {
  $("result").hidden = false;
  const started = Date.now();
  let order = await call(`${api}/topups/${encodeURIComponent(id)}`);
  renderResult(order, cancelled, false);
  // A next top-up most likely goes the same way: the form starts from this order's partner and country.
  $(`provider-${order.provider}`).checked = true;
  $("country").value = order.country;
  loadMethods();
  // Leaving the payment page settles nothing, but a declined attempt's error may still be on its way: keep looking for it.
  const waiting = () => order.status === "awaiting_payment" && !(cancelled && order.attempts.length > 0);
  while (waiting() && Date.now() - started < pollForMs) {
    await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
    order = await call(`${api}/topups/${encodeURIComponent(id)}`);
    renderResult(order, cancelled, false);
  }
  renderResult(order, cancelled, true);
  await Promise.all([loadBalance(), loadHistory(), loadLimits()]);
}

function renderResult(order, cancelled, settled) {
  const status = $("result-status");
  status.replaceChildren(badge(order.status), document.createTextNode(" " + headline(order, cancelled, settled)));
  $("result").className = `card result result-${order.status}`;
  $("result-order-number").textContent = order.orderNumber;
  $("result-amount").textContent = money(order.amount);
  $("result-charge").textContent = order.exchangeRate ? `${money(order.charge)} (${order.exchangeRate})` : money(order.charge);
  const method = order.paymentMethod && (methodNames.get(`${order.provider}/${order.paymentMethod}`) ?? order.paymentMethod);
  $("result-provider").textContent = [providerNames[order.provider], method].filter(Boolean).join(" · ");

  $("result-notice").hidden = !order.notice;
  $("result-notice").textContent = order.notice ?? "";

  // A final failure, or else the last declined attempt while the payment page is still open.
  const error = order.failure ?? (order.status === "awaiting_payment" ? order.attempts.at(-1)?.error : null);
  $("result-error").hidden = !error;
  if (error) {
    $("result-error-code").textContent = error.code;
    $("result-error-message").textContent = error.message;
    $("result-error-guidance").textContent = error.guidance;
  }

  const actions = $("result-actions");
  actions.replaceChildren();
  if (order.status === "awaiting_payment" && webUrl(order.paymentUrl)) {
    const back = el("a", "Return to the payment page", "button-link");
    back.href = webUrl(order.paymentUrl);
    actions.append(back);
  }
}

function headline(order, cancelled, settled) {
  switch (order.status) {
    case "succeeded":
      return `Payment successful. ${money(order.amount)} was added to your balance.`;
    case "awaiting_payment":
      if (order.attempts.length > 0 && (settled || cancelled)) return "The payment was declined. You can try again on the payment page, or start a new top-up below.";
      if (cancelled) return "You left the payment page. The order stays open until its payment page expires.";
      return settled
        ? "We have not heard from the payment partner yet. This page shows the result once it arrives; reload to check again."
        : "Confirming your payment with the payment partner…";
    case "failed":
      return "The payment failed.";
    case "expired":
      return "The payment page expired before the payment was made.";
    case "cancelled":
      return "The payment was cancelled.";
    case "late_capture":
      return "The amount was deducted after the order closed; it is refunded to you within 1–7 business days.";
    default:
      return statusNames[order.status] ?? order.status;
  }
}

async function start() {
  try {
    token = (await (await fetch("/demo/token", { method: "POST" })).json()).token;
    countries = await call("/demo/countries");
  } catch (error) {
    $("form-error").textContent = `The console could not sign in to the sandbox: ${error.message}`;
    return;
  }

  fillCountries();
  let timer = null;
  const refresh = () => {
    idempotencyKey = null;
    clearTimeout(timer);
    timer = setTimeout(loadMethods, 300);
  };
  document.querySelectorAll("input[name=provider]").forEach((radio) =>
    radio.addEventListener("change", () => {
      const served = countries.find((c) => c.code === $("country").value)?.providers ?? [];
      if (!served.includes(provider())) $("country").value = defaultCountry[provider()];
      refresh();
    }),
  );
  $("amount").addEventListener("input", () => {
    showLimits();
    refresh();
  });
  $("country").addEventListener("change", refresh);
  $("methods-offered").addEventListener("change", () => (idempotencyKey = null));
  $("topup-form").addEventListener("submit", topUp);

  const params = new URLSearchParams(location.search);
  try {
    await loadMethodNames();
    const loads = [loadMethods(), loadBalance(), loadHistory(), loadLimits()];
    if (params.get("topup")) loads.push(showResult(params.get("topup"), params.get("cancelled") === "true"));
    await Promise.all(loads);
  } catch (error) {
    $("form-error").textContent = describe(error);
  }
}

start();
