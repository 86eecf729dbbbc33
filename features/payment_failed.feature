Feature: The payment failed. What should I do?
  When a payment fails, the customer sees an error code and the guide's troubleshooting steps, in order:
  1. Check your internet connection. 2. Ensure your bank card has sufficient funds or available credit.
  3. Verify that the card number, expiration date, and CVC code were entered correctly. 4. Wait a moment
  and try again. If the problem persists, note down the error code and contact customer support.

  Scenario Outline: The payment fails because of <reason>; the customer is told what to do, and a retry succeeds
    Given a customer in the United States with a balance of 0.00 USD
    When the customer tops up 20.00 USD through Stripe by card and the payment fails because of <reason>
    Then the customer sees the error code "<code>"
    And the troubleshooting steps say "<what to do>"
    And the troubleshooting steps end with "note down the error code and your order number and contact our customer support"
    And the balance is still 0.00 USD
    When the customer waits a moment and tries again with a card that works
    Then the customer is taken back to ipocto
    And ipocto shows the new balance of 20.00 USD

    Examples:
      | reason                 | code                 | what to do                                                                          |
      | insufficient funds     | insufficient_funds   | Ensure your bank card has sufficient funds or available credit.                    |
      | an incorrect CVC       | incorrect_cvc        | Verify that the card number, expiration date, and CVC code were entered correctly. |
      | an expired card        | expired_card         | Verify that the card number, expiration date, and CVC code were entered correctly. |
      | a generic decline      | card_declined        | Ensure your bank card has sufficient funds or available credit.                    |
      | a processing error     | processing_error     | Check your internet connection.                                                     |
      | the provider being unavailable | provider_unavailable | Check your internet connection.                                             |
