Feature: Top up the balance through PayerMax
  PayerMax serves customers in Southeast Asia, the Middle East and other emerging markets with local
  e-wallets, online bank transfers and cards. The customer pays in the local currency on PayerMax's
  cashier; the balance is credited in US dollars at the rate locked when the order was made.

  Scenario: Pay with an e-wallet by scanning the QR code
    Given a customer in the Philippines with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 10.00 USD and selects PayerMax with GCash
    Then the customer is on a secure payment page that shows the amount 562.50 PHP
    When the customer chooses GCash
    Then the page shows a QR code to pay with GCash
    When the customer scans the QR code with the wallet
    Then the customer is taken back to ipocto
    And ipocto shows the new balance of 10.00 USD

  Scenario: Pay with an e-wallet by being redirected to the wallet app
    Given a customer in the Philippines with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 10.00 USD and selects PayerMax with GCash
    And the customer chooses GCash
    And the customer opens the wallet app
    Then the wallet app asks the customer to confirm the payment of 562.50 PHP
    When the customer confirms the payment in the wallet app
    Then the customer is taken back to ipocto
    And ipocto shows the new balance of 10.00 USD

  Scenario: Pay by online bank transfer, redirected to the bank to log in and authorise
    Given a customer in Taiwan with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 20.00 USD and selects PayerMax with E.SUN Bank transfer
    And the customer chooses E.SUN Bank
    And the customer continues to the bank
    Then the bank asks the customer to log in and authorise the payment of 650 TWD
    When the customer logs in to the bank and authorises the payment
    Then the customer is taken back to ipocto
    And ipocto shows the new balance of 20.00 USD

  Scenario: Pay by card on the cashier
    Given a customer in the United Arab Emirates with a balance of 0.00 USD
    When the customer clicks "Balance Top-up" for 20.00 USD and selects PayerMax with card
    And the customer chooses Card
    And the customer pays by card with number 4444 3333 2222 1111, expiry 12/34 and CVC 123
    Then the customer is taken back to ipocto
    And ipocto shows the new balance of 20.00 USD
