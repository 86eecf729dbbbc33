Feature: How much can I top up?
  Whatever the payment method, one top-up is at least 1.00 USD and at most 10,000.00 USD, and a customer tops up at
  most 20,000.00 USD in any 24 hours. The 24 hours count the top-ups paid and those still waiting on a payment page,
  so opening several payment pages at once does not get past the cap; a payment page left until it expires stops
  counting, and a top-up stops counting 24 hours after it was started. A top-up the caps refuse does not start and no
  payment page opens: the customer is told the cap and what to do instead.

  Background:
    Given a customer in the United States with a balance of 0.00 USD

  Scenario Outline: A top-up of <amount> USD does not start, and the customer is told what to enter
    When the customer tries to top up <amount> USD through Stripe with card
    Then the top-up does not start and the customer sees the error code "<code>"
    And the message says "<message>"

    Examples:
      | amount   | code                 | message                                                                                           |
      | 0.99     | amount_below_minimum | A top-up must be at least 1.00 USD; enter 1.00 USD or more.                                       |
      | 10000.01 | amount_above_maximum | A top-up can be at most 10000.00 USD; enter 10000.00 USD or less, and top up the rest in another top-up. |

  Scenario: The smallest and the largest top-ups start
    When the customer clicks "Balance Top-up" for 1.00 USD and selects Stripe
    Then the order shows as awaiting payment
    When the customer clicks "Balance Top-up" for 10000.00 USD and selects Stripe
    Then the order shows as awaiting payment

  Scenario: A payment page still open counts against the day, so the rest of the day is what is left
    Given the customer has topped up 10000.00 USD by card through Stripe
    When the customer clicks "Balance Top-up" for 9000.00 USD and selects Stripe
    And the customer tries to top up 1000.01 USD through Stripe with card
    Then the top-up does not start and the customer sees the error code "daily_limit_reached"
    And the message says "1000.00 USD is left now; enter 1000.00 USD or less, or top up the rest once your earlier top-ups are more than 24 hours old."
    When the customer clicks "Balance Top-up" for 1000.00 USD and selects Stripe
    Then the order shows as awaiting payment

  Scenario: A payment page left until it expires gives its amount back to the day
    Given the customer has topped up 10000.00 USD by card through Stripe
    When the customer clicks "Balance Top-up" for 10000.00 USD and selects Stripe
    And the customer tries to top up 1.00 USD through Stripe with card
    Then the top-up does not start and the customer sees the error code "daily_limit_reached"
    And the message says "nothing is left now; top up again once your earlier top-ups are more than 24 hours old."
    When the customer leaves the payment page until it expires
    And the customer clicks "Balance Top-up" for 10000.00 USD and selects Stripe
    Then the order shows as awaiting payment

  Scenario: A top-up stops counting 24 hours after it was started
    Given the customer has topped up 10000.00 USD by card through Stripe
    When 23 hours pass
    And the customer tops up 10000.00 USD by card through Stripe
    Then the balance shows 20000.00 USD
    When the customer tries to top up 1.00 USD through Stripe with card
    Then the top-up does not start and the customer sees the error code "daily_limit_reached"
    When 1 hour passes
    And the customer clicks "Balance Top-up" for 10000.00 USD and selects Stripe
    Then the order shows as awaiting payment

  Scenario: Beside the amount, the customer sees how much they can top up now
    Given the customer has topped up 10000.00 USD by card through Stripe
    When the customer clicks "Balance Top-up" for 2500.00 USD and selects Stripe
    And the customer looks at how much they can top up
    Then one top-up is 1.00 USD to 10000.00 USD, and 20000.00 USD in any 24 hours
    And 12500.00 USD of the 24 hours is used and 7500.00 USD is left, so one top-up can be at most 7500.00 USD now

  Scenario: Each payment method also has its own range, in the currency it charges
    Given the customer is now in Kuwait
    When the customer asks which payment methods they can use
    Then Card (KNET) through PayerMax is among them
    And it takes 0.010 KWD to 1700.000 KWD in one payment
    When the customer tries to top up 6000.00 USD through PayerMax with Card (KNET)
    Then the top-up does not start and the customer sees the error code "amount_out_of_range"
    And the message says "The maximum amount for Card (KNET) is 1700.000 KWD (at most 5537.47 USD at the current rate)."
