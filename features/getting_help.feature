Feature: How to get help
  When contacting support, the customer includes their order number, a description of the issue and any
  error codes. The order number finds the order, its error codes and everything that happened to it.

  Scenario: Support finds the order a customer quotes, with its error codes and timeline
    Given a customer in the United States with a balance of 0.00 USD
    When the customer tops up 20.00 USD through Stripe by card and the payment fails because of insufficient funds
    And the customer writes down the order number and the error code
    And the customer waits a moment and tries again with a card that works
    And the customer contacts support quoting the order number
    Then support finds the customer's order for 20.00 USD
    And support sees the error code the customer wrote down
    And support sees in the timeline that the order was created, redirected to Stripe, declined once and paid
    And the timeline holds no card number

  Scenario: An order number that does not exist finds nothing
    Given a customer in the United States with a balance of 0.00 USD
    When support looks up an order number that does not exist
    Then support is told that no top-up has that order number
