Feature: Security and privacy
  ipocto itself does not store any of your sensitive payment information (such as your full card number).
  All payment data is processed by PayerMax and Stripe. We only collect information essential for
  processing your order.

  Scenario: After card payments no card number, expiry date or CVC is stored anywhere
    Given a customer in the United States with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 20.00 USD and selects Stripe
    And the customer pays by card with number 4000 0000 0000 0127, expiry 11/33 and CVC 731
    And the customer pays by card with number 4242 4242 4242 4242, expiry 09/35 and CVC 864
    Then the customer is taken back to ipocto
    Given the customer is now in the United Arab Emirates
    When the customer clicks "Balance Top-up" for 20.00 USD and selects PayerMax with card
    And the customer chooses Card
    And the customer pays by card with number 4444 3333 2222 1111, expiry 10/32 and CVC 952
    Then the customer is taken back to ipocto
    And the balance shows 40.00 USD
    And no card number is stored anywhere in ipocto's data
    And none of the card numbers, expiry dates or CVCs the customer typed is stored anywhere in ipocto's data

  Scenario: Only the information essential for processing the order is kept
    Given a customer in the United States with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 20.00 USD and selects Stripe
    And the customer pays by card with number 4242 4242 4242 4242, expiry 12/34 and CVC 123
    Then the order ipocto keeps holds only the order, the amounts, the method, the provider's references and what happened
    And the card is known to ipocto at most by its brand and last four digits

  Scenario: A forged payment notification changes nothing
    Given a customer in the United States with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 20.00 USD and selects Stripe
    And someone sends ipocto a forged notification that the order was paid
    Then ipocto refuses the notification
    And the order shows as awaiting payment
    And the balance is still 0.00 USD
