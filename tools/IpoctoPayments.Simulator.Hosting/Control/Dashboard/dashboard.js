'use strict';
// The dashboard reads GET /_simulator/overview and drives the control API; nothing here keeps state of its own.
(() => {
  const base = '/_simulator';
  const $ = (id) => document.getElementById(id);
  let lastSnapshot = '';

  async function call(method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && (json.detail || json.title)) || `${method} ${path} answered ${response.status}`);
    }
    return json;
  }

  function say(message, isError) {
    const status = $('status');
    status.textContent = message;
    status.classList.toggle('error', Boolean(isError));
  }

  // Runs an action, says what happened and shows the new state at once.
  async function act(label, action) {
    try {
      const detail = await action();
      say(detail ? `${label}: ${detail}` : `${label}: done.`);
    } catch (error) {
      say(`${label} failed: ${error.message}`, true);
    }
    await refresh(true);
  }

  // PUT /faults replaces the global switches, so each button changes one part of what is in force.
  async function changeGlobal(change) {
    const current = (await call('GET', '/faults')).global;
    await call('PUT', '/faults', change({ ...current }));
  }

  const span = (totalSeconds) => {
    const seconds = Math.max(0, Math.floor(totalSeconds));
    const days = Math.floor(seconds / 86400);
    const pad = (n) => String(n).padStart(2, '0');
    const time = `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
    return days > 0 ? `${days}.${time}` : time;
  };
  const millis = (ms) => `${span(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
  const number = (id) => Number.parseInt($(id).value, 10);

  // Minor units shown in major units by string, not by floating-point division.
  function money(minor, currency) {
    const code = currency.toUpperCase();
    let digits = 2;
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
    } catch {
      digits = 2;
    }
    const text = String(Math.abs(minor)).padStart(digits + 1, '0');
    const major = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
    return `${minor < 0 ? '-' : ''}${major} ${code}`;
  }

  const time = (value) => (value ? new Date(value).toISOString().replace('T', ' ').slice(0, 19) : '');

  // Tables show the time of day; the date is in the title and in the clock line above.
  function clockTime(value) {
    const el = document.createElement('time');
    if (value) {
      el.dateTime = value;
      el.title = time(value);
      el.textContent = time(value).slice(11);
    }
    return el;
  }

  function cut(text, className) {
    const el = document.createElement('span');
    el.className = `cut ${className ?? ''}`;
    el.textContent = text ?? '';
    el.title = text ?? '';
    return el;
  }

  function cell(row, content, className) {
    const td = document.createElement('td');
    if (content instanceof Node) {
      td.append(content);
    } else {
      td.textContent = content ?? '';
    }
    if (className) {
      td.className = className;
    }
    row.append(td);
    return td;
  }

  function badge(text) {
    const el = document.createElement('span');
    el.className = `badge badge-${String(text).toLowerCase()}`;
    el.textContent = text;
    return el;
  }

  function actionButton(text, label, onClick) {
    const el = document.createElement('button');
    el.type = 'button';
    el.textContent = text;
    el.setAttribute('aria-label', label);
    el.addEventListener('click', onClick);
    return el;
  }

  // "Dispute this payment": one dialog for both providers, each taking amounts in its own units.
  const disputeKinds = {
    stripe: {
      reason: 'fraudulent',
      reasons: ['fraudulent', 'product_not_received', 'product_unacceptable', 'duplicate', 'subscription_canceled', 'unrecognized', 'credit_not_processed', 'general'],
      amountLabel: 'Amount in minor units',
      path: (id) => `/stripe/payment_intents/${encodeURIComponent(id)}/dispute`,
      amount: (text) => Number.parseInt(text, 10),
    },
    payerMax: {
      reason: 'FRAUD',
      reasons: ['FRAUD'],
      amountLabel: 'Amount in major units, as PayerMax writes it (e.g. 12.50)',
      path: (id) => `/payermax/orders/${encodeURIComponent(id)}/chargeback`,
      amount: (text) => Number(text),
    },
  };
  let disputing = null;

  function openDispute(provider, id, amountText) {
    const kind = disputeKinds[provider];
    disputing = { kind, id };
    $('dispute-target').textContent = `${provider === 'stripe' ? 'Stripe PaymentIntent' : 'PayerMax order'} ${id}`;
    $('dispute-reason').value = kind.reason;
    $('dispute-reasons').replaceChildren(...kind.reasons.map((reason) => Object.assign(document.createElement('option'), { value: reason })));
    $('dispute-amount-label').textContent = kind.amountLabel;
    $('dispute-amount').value = '';
    $('dispute-amount-hint').textContent = `Leave empty for the whole payment (${amountText}).`;
    $('dispute-dialog').showModal();
  }

  function decideButtons(label, path, outcomes) {
    const group = document.createElement('div');
    group.className = 'row';
    for (const outcome of outcomes) {
      group.append(actionButton(outcome, `${label}: ${outcome}`, () => act(`${label} ${outcome}`, () => call('POST', path, { outcome }))));
    }
    return group;
  }

  function fill(tableId, items, render, empty) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    if (items.length === 0) {
      const row = body.insertRow();
      const td = cell(row, empty, 'empty');
      td.colSpan = $(tableId).querySelectorAll('thead th').length;
      return;
    }
    for (const item of items) {
      render(body.insertRow(), item);
    }
  }

  function attempts(delivery) {
    if (delivery.attempts.length === 0) {
      return delivery.status === 'Dropped' ? 'never sent (dropped)' : 'not sent yet';
    }
    const list = document.createElement('ol');
    list.className = 'attempts';
    for (const attempt of delivery.attempts) {
      const item = document.createElement('li');
      const answer = attempt.statusCode ? `HTTP ${attempt.statusCode}` : `no answer (${attempt.error})`;
      const head = document.createElement('strong');
      head.textContent = answer;
      head.className = attempt.statusCode >= 200 && attempt.statusCode < 300 ? 'ok' : 'bad';
      item.append(`#${attempt.number} ${time(attempt.at).slice(11)} · `, head, ` · ${attempt.durationMs} ms`);
      if (attempt.body) {
        const body = document.createElement('code');
        body.textContent = attempt.body;
        item.append(document.createElement('br'), body);
      }
      list.append(item);
    }
    return list;
  }

  function describeFaults(global, targets) {
    const parts = [];
    const w = global.webhooks;
    if (w) {
      const what = [w.drop && 'drop', w.duplicates && `duplicate ×${w.duplicates}`, w.outOfOrder && 'out of order', w.delay && `delay ${w.delay}`].filter(Boolean).join(', ');
      parts.push(`Webhooks: ${what}${w.eventType ? ` (${w.eventType} only)` : ''}${w.times ? ` for the next ${w.times}` : ' until cleared'}`);
    }
    if (global.bankSyncDelay) {
      parts.push(`Bank-sync delay: captured ${global.bankSyncDelay} after the reported failure`);
    }
    for (const [name, fault] of [['Stripe', global.stripe], ['PayerMax', global.payerMax]]) {
      if (fault && fault.failNextCalls > 0) {
        parts.push(`${name} API: next ${fault.failNextCalls} calls fail (${fault.mode})`);
      }
      if (fault && fault.latency) {
        parts.push(`${name} API latency ${fault.latency}`);
      }
    }
    const targeted = Object.keys(targets).filter((key) => Object.values(targets[key]).some((value) => value !== null));
    if (targeted.length > 0) {
      parts.push(`Per session/order: ${targeted.join(', ')}`);
    }
    return parts.length === 0 ? 'None.' : `${parts.join(' · ')}.`;
  }

  function render(view) {
    const next = view.nextDueAt ? ` · next job due ${time(view.nextDueAt)}` : '';
    $('clock').textContent = `Simulator clock ${time(view.now)} UTC · ${view.pendingJobs} job(s) waiting${next}`;
    $('faults').textContent = describeFaults(view.globalFaults, view.targetFaults);
    $('deliveries-count').textContent = `(${view.deliveries.length})`;

    fill('deliveries', [...view.deliveries].reverse(), (row, d) => {
      cell(row, clockTime(d.createdAt), 'time');
      const event = document.createElement('div');
      event.append(Object.assign(document.createElement('strong'), { textContent: d.eventType }), document.createElement('br'),
        cut(d.eventId, 'id'));
      if (d.duplicateOf) {
        event.append(document.createElement('br'), `copy of ${d.duplicateOf}`);
      }
      cell(row, event);
      const about = document.createElement('div');
      about.append(d.provider === 'stripe' ? 'Stripe' : 'PayerMax', document.createElement('br'), cut(d.target, 'id'));
      cell(row, about);
      // The path says which endpoint; the host, below it, which service.
      const to = document.createElement('div');
      const url = new URL(d.url);
      to.title = d.url;
      to.append(cut(url.pathname, 'id'), document.createElement('br'), cut(url.host, 'host'));
      if (d.listener) {
        to.append(document.createElement('br'), Object.assign(document.createElement('span'), { className: 'host', textContent: `listener ${d.listener}` }));
      }
      cell(row, to);
      cell(row, badge(d.status));
      cell(row, attempts(d), 'answers');
      cell(row, clockTime(d.nextAttemptAt), 'time');
      const redeliver = document.createElement('button');
      redeliver.type = 'button';
      redeliver.textContent = 'Redeliver';
      redeliver.setAttribute('aria-label', `Redeliver ${d.eventType} ${d.id}`);
      redeliver.disabled = d.status === 'Scheduled' || d.status === 'Retrying';
      redeliver.addEventListener('click', () => act(`Redeliver ${d.id}`, () => call('POST', `/deliveries/${d.id}/redeliver`)));
      cell(row, redeliver);
    }, 'No webhook sent yet.');

    fill('sessions', [...view.stripeSessions].reverse(), (row, s) => {
      cell(row, clockTime(s.created), 'time');
      cell(row, cut(s.id, 'id'));
      cell(row, badge(s.status));
      cell(row, s.paymentStatus);
      cell(row, money(s.amount, s.currency), 'num');
      cell(row, cut(s.paymentIntent, 'id'));
    }, 'No Checkout Session yet.');

    fill('intents', [...view.stripePaymentIntents].reverse(), (row, i) => {
      cell(row, clockTime(i.created), 'time');
      cell(row, cut(i.id, 'id'));
      cell(row, badge(i.status));
      cell(row, money(i.amount, i.currency), 'num');
      cell(row, i.amountRefunded ? money(i.amountRefunded, i.currency) : '', 'num');
      cell(row, i.lastError);
      cell(row, i.dispute ? `${i.dispute.status} · ${money(i.dispute.amount, i.currency)}` : '');
      if (i.dispute && i.dispute.open) {
        cell(row, decideButtons(`Decide ${i.dispute.id}`, `/stripe/disputes/${encodeURIComponent(i.dispute.id)}/decide`, ['won', 'lost']));
      } else if (i.status === 'succeeded' && !i.dispute) {
        cell(row, actionButton('Dispute…', `Dispute ${i.id}`, () => openDispute('stripe', i.id, money(i.amount, i.currency))));
      } else {
        cell(row, '');
      }
    }, 'No PaymentIntent yet.');

    fill('orders', [...view.payerMaxOrders].reverse(), (row, o) => {
      cell(row, clockTime(o.created), 'time');
      cell(row, cut(o.outTradeNo, 'id'));
      cell(row, badge(o.status));
      cell(row, money(o.amount, o.currency), 'num');
      cell(row, o.country);
      cell(row, o.method);
      cell(row, [o.resultCode, o.awaitsLateCapture && 'capture pending', o.amountRefunded && `refunded ${money(o.amountRefunded, o.currency)}`].filter(Boolean).join(' · '));
      cell(row, o.chargeback ? `${o.chargeback.status} · ${money(o.chargeback.amount, o.currency)}` : '');
      if (o.chargeback && o.chargeback.open) {
        cell(row, decideButtons(`Decide ${o.chargeback.id}`, `/payermax/chargebacks/${encodeURIComponent(o.chargeback.id)}/decide`, ['won', 'lost', 'cancelled']));
      } else if (o.status === 'SUCCESS') {
        cell(row, actionButton('Charge back…', `Charge back ${o.outTradeNo}`, () => openDispute('payerMax', o.outTradeNo, money(o.amount, o.currency))));
      } else {
        cell(row, '');
      }
    }, 'No PayerMax order yet.');
  }

  async function refresh(force) {
    try {
      const view = await call('GET', '/overview');
      const snapshot = JSON.stringify(view);
      // Redrawing only on change keeps keyboard focus on the buttons in the tables.
      if (force || snapshot !== lastSnapshot) {
        lastSnapshot = snapshot;
        render(view);
      }
    } catch (error) {
      say(`Cannot read the simulator: ${error.message}`, true);
    }
  }

  async function loadTriggers() {
    const select = $('trigger-name');
    for (const trigger of await call('GET', '/triggers')) {
      const option = document.createElement('option');
      option.value = `${trigger.provider}|${trigger.name}`;
      option.textContent = `${trigger.provider === 'stripe' ? 'Stripe' : 'PayerMax'} · ${trigger.name}`;
      option.title = trigger.description;
      select.append(option);
    }
  }

  $('trigger-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const [provider, name] = $('trigger-name').value.split('|');
    const amount = number('trigger-amount');
    act(`Trigger ${name}`, async () => {
      const result = await call('POST', `/trigger/${encodeURIComponent(name)}?provider=${provider}`, Number.isNaN(amount) ? {} : { amount });
      return `${result.target}, ${result.deliveries.length} webhook(s) queued.${result.note ? ` ${result.note}` : ''}`;
    });
  });

  $('dispute-form').addEventListener('submit', (event) => {
    if (event.submitter && event.submitter.value !== 'open') {
      return;
    }
    const { kind, id } = disputing;
    const body = { reason: $('dispute-reason').value };
    const amountText = $('dispute-amount').value.trim();
    if (amountText) {
      // What is not a number goes as typed, so the simulator's answer says what it takes.
      const amount = kind.amount(amountText);
      body.amount = Number.isNaN(amount) ? amountText : amount;
    }
    if ($('dispute-outcome').value) {
      body.outcome = $('dispute-outcome').value;
      body.decideAfterMinutes = number('dispute-minutes');
    }
    act(`Dispute ${id}`, async () => {
      const opened = await call('POST', kind.path(id), body);
      const caseId = opened.caseId || opened.id;
      return body.outcome ? `${caseId} opened, ${body.outcome} in ${body.decideAfterMinutes} minute(s) on the simulator's clock.` : `${caseId} opened.`;
    });
  });

  for (const button of document.querySelectorAll('[data-webhook]')) {
    button.addEventListener('click', () => act(button.textContent, () => changeGlobal((g) => ({ ...g, webhooks: JSON.parse(button.dataset.webhook) }))));
  }
  $('delay-next').addEventListener('click', () => act('Delay next webhook', () =>
    changeGlobal((g) => ({ ...g, webhooks: { delay: span(number('delay-minutes') * 60), times: 1 } }))));

  const provider = () => $('outage-provider').value;
  $('outage-on').addEventListener('click', () => act(`${provider()} outage on`, () =>
    changeGlobal((g) => ({ ...g, [provider()]: { ...g[provider()], failNextCalls: number('outage-calls'), mode: $('outage-mode').value } }))));
  $('outage-off').addEventListener('click', () => act(`${provider()} outage off`, () =>
    changeGlobal((g) => ({ ...g, [provider()]: { ...g[provider()], failNextCalls: 0 } }))));
  $('latency-set').addEventListener('click', () => act(`${provider()} latency`, () => {
    const ms = number('latency-ms');
    return changeGlobal((g) => ({ ...g, [provider()]: { ...g[provider()], latency: ms > 0 ? millis(ms) : null } }));
  }));

  $('late-on').addEventListener('click', () => act('Bank-sync delay on', () =>
    changeGlobal((g) => ({ ...g, bankSyncDelay: span(number('late-minutes') * 60) }))));
  $('late-off').addEventListener('click', () => act('Bank-sync delay off', () => changeGlobal((g) => ({ ...g, bankSyncDelay: null }))));

  $('run-due').addEventListener('click', () => act('Run due deliveries', async () => {
    const result = await call('POST', '/run-due');
    return `${result.ran} job(s) ran, ${result.pending} waiting.`;
  }));
  for (const button of document.querySelectorAll('[data-advance]')) {
    button.addEventListener('click', () => act(button.textContent, async () => {
      const result = await call('POST', '/clock/advance', { by: button.dataset.advance });
      return `${result.ran} job(s) ran, ${result.pending} waiting.`;
    }));
  }
  $('clear-faults').addEventListener('click', () => act('Clear all faults', () => call('DELETE', '/faults')));
  $('reset').addEventListener('click', () => {
    if (window.confirm('Forget every session, order, event, delivery and fault?')) {
      act('Reset', () => call('POST', '/reset'));
    }
  });

  loadTriggers().catch((error) => say(`Cannot list the triggers: ${error.message}`, true));
  refresh(true);
  setInterval(() => {
    if ($('auto-refresh').checked) {
      refresh(false);
    }
  }, 2000);
})();
