// Drives the simulator with Stripe's official Node.js library, configured by its base address alone.
import Stripe from 'stripe';

const stripe = new Stripe('sk_test_official_node_client', {
  host: '127.0.0.1',
  port: Number(process.env.SIMULATOR_PORT),
  protocol: 'http',
  maxNetworkRetries: 2,
});

const session = await stripe.checkout.sessions.create({
  mode: 'payment',
  success_url: 'http://localhost/done?session={CHECKOUT_SESSION_ID}',
  cancel_url: 'http://localhost/cancelled',
  client_reference_id: 'node-order-1',
  line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 1500, product_data: { name: 'Balance top-up' } } }],
});
const fetched = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
const listed = await stripe.checkout.sessions.list({ limit: 10 });
const expired = await stripe.checkout.sessions.expire(session.id);
let error = null;
try {
  await stripe.refunds.create({ payment_intent: 'pi_does_not_exist' });
} catch (e) {
  error = { type: e.type, status: e.statusCode, code: e.code };
}
const events = await stripe.events.list({ limit: 5 });

// A second session paid with the fraudulent-dispute test card through the control API, then its dispute answered.
const disputedSession = await stripe.checkout.sessions.create({
  mode: 'payment',
  success_url: 'http://localhost/done',
  line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Balance top-up' } } }],
});
const paid = await fetch(`http://127.0.0.1:${process.env.SIMULATOR_PORT}/_simulator/stripe/sessions/${disputedSession.id}/complete`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ method: 'card', cardNumber: '4000000000000259' }),
});
const paymentIntent = (await paid.json()).payment_intent.id;
const disputes = await stripe.disputes.list({ payment_intent: paymentIntent, limit: 3 });
const updated = await stripe.disputes.update(disputes.data[0].id, {
  evidence: { uncategorized_text: 'winning_evidence' },
  metadata: { case: 'node-1' },
});

console.log(JSON.stringify({
  created: { id: session.id, status: session.status, url: session.url, amount: session.amount_total },
  fetchedAmount: fetched.amount_total,
  listedIds: listed.data.map(s => s.id),
  expiredStatus: expired.status,
  error,
  eventTypes: events.data.map(e => e.type),
  apiVersions: [...new Set(events.data.map(e => e.api_version))],
  dispute: {
    listed: disputes.data.map(d => ({ reason: d.reason, status: d.status, amount: d.amount, paymentIntent: d.payment_intent })),
    updatedStatus: updated.status,
    updatedMetadata: updated.metadata,
  },
}));
