Feature: Top up the balance through Stripe
  Stripe serves customers mostly in Europe and the Americas: credit and debit cards (Visa, Mastercard,
  American Express), Apple Pay, Google Pay and WeChat Pay. The customer pays on Stripe's secure payment
  page and comes back to ipocto, which shows the newly topped-up balance.

  Scenario: Pay by card in the guide's five steps
    Given a customer in the United States with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 20.00 USD and selects Stripe
    Then the customer is on a secure payment page that shows the amount 20.00 USD
    And the page offers Apple Pay, Google Pay and card payment
    When the customer pays by card with number 4242 4242 4242 4242, expiry 12/34 and CVC 123
    Then the customer is taken back to ipocto
    And ipocto shows the new balance of 20.00 USD
    And the order shows as succeeded

  Scenario Outline: Pay with <wallet> on the payment page
    Given a customer in <country> with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 15.00 USD and selects Stripe
    And the customer pays with <wallet>
    Then the customer is taken back to ipocto
    And ipocto shows the new balance of 15.00 USD

    Examples:
      | wallet     | country            |
      | Apple Pay  | the United Kingdom |
      | Google Pay | Germany            |

  Scenario: Pay with WeChat Pay by scanning the QR code
    Given a customer in China with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 30.00 USD and selects Stripe with WeChat Pay
    Then the payment page shows a QR code to scan with WeChat
    When the customer scans the QR code with WeChat
    Then the customer is taken back to ipocto
    And ipocto shows the new balance of 30.00 USD
