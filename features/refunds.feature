Feature: Refunds
  A top-up can be refunded in full or in part. The balance goes down by the refunded amount as soon as the
  refund is made, and the refund shows as pending on the order until the payment partner confirms it; then the
  order shows it confirmed, and what is left to refund. If the payment partner cannot take the refund at that
  moment, ipocto keeps sending it until the partner is back: the customer is refunded, and the balance reduced,
  only once. If the payment partner turns the refund down, the money goes back on the balance. Money the
  customer has already spent on ipocto services cannot be refunded.

  Background:
    Given a customer in the United States with a balance of 0.00 USD
    And the customer has topped up 50.00 USD by card through Stripe

  Scenario: A full refund
    When ipocto refunds the whole top-up
    Then the balance shows 0.00 USD
    When the payment partner confirms the refund
    Then the order shows as refunded
    And the balance shows 0.00 USD
    And nothing is left to refund on the order

  Scenario Outline: A partial refund of <refund>
    When ipocto refunds <refund> of the top-up
    And the payment partner confirms the refund
    Then the order shows as partially refunded
    And the balance shows <balance>
    And <left> is left to refund on the order

    Examples:
      | refund    | balance   | left      |
      | 10.00 USD | 40.00 USD | 40.00 USD |
      | 49.99 USD | 0.01 USD  | 0.01 USD  |

  Scenario: Two partial refunds that add up to the whole top-up
    When ipocto refunds 20.00 USD of the top-up
    And ipocto refunds 30.00 USD of the top-up
    And the payment partner confirms the refunds
    Then the order shows as refunded
    And the balance shows 0.00 USD

  Scenario: A refund is pending until the payment partner confirms it
    When ipocto refunds 10.00 USD of the top-up
    Then the balance shows 40.00 USD
    And the order shows the refund of 10.00 USD as pending
    And 40.00 USD is left to refund on the order
    When the payment partner confirms the refund
    Then the order shows the refund of 10.00 USD as confirmed
    And the order shows as partially refunded
    And the balance shows 40.00 USD

  Scenario: A refund Stripe cannot take right now is sent again when Stripe is back, and made once
    Given Stripe cannot be reached for a while
    When ipocto refunds 20.00 USD of the top-up
    Then the balance shows 30.00 USD
    And the order shows the refund of 20.00 USD as pending
    When 30 minutes pass and Stripe still cannot be reached
    Then the order shows the refund of 20.00 USD as pending
    And Stripe has not refunded the customer's payment yet
    When Stripe can be reached again
    Then ipocto sends the refund to Stripe again within the hour
    When the payment partner confirms the refund
    Then the order shows the refund of 20.00 USD as confirmed
    And the order shows as partially refunded
    And Stripe has refunded 20.00 USD of the customer's payment, once
    And the balance shows 30.00 USD
    And the balance history shows the refund of 20.00 USD once

  Scenario: A refund whose answer from Stripe gets lost is made once
    Given Stripe's answer to the next call will be lost
    When ipocto refunds 20.00 USD of the top-up
    And the payment partner confirms the refund
    Then the order shows the refund of 20.00 USD as confirmed
    And Stripe has refunded 20.00 USD of the customer's payment, once
    And the balance shows 30.00 USD
    And the balance history shows the refund of 20.00 USD once

  Scenario: A refund the payment partner turns down puts the money back on the balance
    Given the customer, now in Saudi Arabia, has also topped up 27.20 USD by Mada card through PayerMax
    When ipocto refunds the whole top-up
    Then the balance shows 50.00 USD
    And the order shows the refund of 27.20 USD as pending
    When the payment partner turns the refund down
    Then the order shows the refund of 27.20 USD as failed
    And the balance shows 77.20 USD
    And 27.20 USD is left to refund on the order

  Scenario: More than is left cannot be refunded
    When ipocto refunds 20.00 USD of the top-up
    And ipocto tries to refund 40.00 USD of the top-up
    Then the refund is refused because it is more than is left
    And the balance shows 30.00 USD

  Scenario: Money already spent on ipocto services cannot be refunded
    Given ipocto's billing has charged the customer 40.00 USD for "Residential proxies, 50 GB"
    When ipocto tries to refund the whole top-up
    Then the refund is refused because the balance no longer holds it
    And the balance shows 10.00 USD
    And 50.00 USD is left to refund on the order
    When ipocto refunds 10.00 USD of the top-up
    Then the balance shows 0.00 USD
