Feature: The amount was deducted, but the order shows as failed
  This situation is usually caused by a delay in bank synchronization. The funds will typically be
  automatically refunded to your account within 1-7 business days. If the refund does not appear, contact
  support with your order number.

  Scenario: A bank synchronisation delay: failed first, captured later, refunded automatically
    Given a customer in the Philippines with a balance of 0.00 USD
    And the customer's bank takes 10 minutes to confirm payments
    When the customer clicks "Balance Top-up" for 10.00 USD and selects PayerMax with GCash
    And the customer chooses GCash
    And the customer opens the wallet app
    And the customer confirms the payment in the wallet app
    Then the order shows as failed
    And the balance is still 0.00 USD
    When 10 minutes pass and the bank confirms that the amount was deducted
    And the payment partner confirms the refund
    Then the deducted amount is refunded to the customer automatically
    And the customer is told "The funds will typically be automatically refunded to your account within 1-7 business days."
    And the balance is still 0.00 USD
    And support finds in the order's timeline that the payment failed, was captured late and refunded
