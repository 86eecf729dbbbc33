Feature: Refunds
  A top-up can be refunded in full or in part. The balance goes down by the refunded amount as soon as the
  refund is made; the order shows the refund once the payment partner confirms it, and what is left to refund.

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

  Scenario: More than is left cannot be refunded
    When ipocto refunds 20.00 USD of the top-up
    And ipocto tries to refund 40.00 USD of the top-up
    Then the refund is refused because it is more than is left
    And the balance shows 30.00 USD
