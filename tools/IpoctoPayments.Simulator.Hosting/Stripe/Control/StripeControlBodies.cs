namespace IpoctoPayments.Simulator.Stripe.Control;

/// <summary>How to complete a session without a browser.</summary>
/// <param name="Method">card (default), apple_pay, google_pay or wechat_pay.</param>
/// <param name="CardNumber">For card: a test card from stripe.md (default 4242 4242 4242 4242); its documented outcome applies.</param>
internal sealed record CompleteSessionBody(string? Method, string? CardNumber);

/// <param name="DeclineCode">generic_decline (default), insufficient_funds, lost_card, stolen_card, expired_card, incorrect_cvc, processing_error or incorrect_number.</param>
internal sealed record DeclineSessionBody(string? DeclineCode);

/// <param name="Approve">true (default) completes the 3-D Secure challenge; false fails it.</param>
internal sealed record AuthenticateSessionBody(bool? Approve);
