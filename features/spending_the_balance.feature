Feature: Spending the balance on ipocto services
  The balance pays for what the customer buys from ipocto: ipocto's billing takes the price of each purchase
  from the balance. The balance and its history show every charge with what was bought. A charge is taken
  only when the balance holds all of it; otherwise it is refused and nothing is taken. A charge that billing
  sends twice is taken once, and a charge billing cancels puts the money back on the balance, once.

  Background:
    Given a customer in the United States with a balance of 0.00 USD
    And the customer has topped up 50.00 USD by card through Stripe

  Scenario: Billing takes the price of a purchase from the balance
    When ipocto's billing charges the customer 5.00 USD for "Residential proxies, 10 GB"
    Then the charge is taken, leaving 45.00 USD
    And the balance shows 45.00 USD
    And the balance history shows a charge of 5.00 USD for "Residential proxies, 10 GB"

  Scenario: The balance history lists every purchase with what was bought
    When ipocto's billing charges the customer 5.00 USD for "Residential proxies, 10 GB"
    And ipocto's billing charges the customer 12.50 USD for "Static IP, March"
    Then the balance shows 32.50 USD
    And the balance history shows, newest first:
      | movement                                | amount     |
      | charge for "Static IP, March"           | -12.50 USD |
      | charge for "Residential proxies, 10 GB" | -5.00 USD  |
      | top-up                                  | 50.00 USD  |

  Scenario: A charge bigger than the balance is refused and nothing is taken
    When ipocto's billing tries to charge the customer 60.00 USD for "Dedicated server, March"
    Then the charge is refused because the balance is too low
    And the balance shows 50.00 USD
    And the balance history shows no charge for "Dedicated server, March"

  Scenario Outline: A charge of <charge> on a balance of 50.00 USD is <outcome>
    When ipocto's billing tries to charge the customer <charge> for "Static IP, March"
    Then the charge is <outcome>
    And the balance shows <balance>

    Examples:
      | charge    | outcome | balance   |
      | 49.99 USD | taken   | 0.01 USD  |
      | 50.00 USD | taken   | 0.00 USD  |
      | 50.01 USD | refused | 50.00 USD |

  Scenario: A charge sent twice is taken once
    When ipocto's billing charges the customer 5.00 USD for "Residential proxies, 10 GB"
    And a minute later ipocto's billing sends the same charge again
    Then billing is told it is the charge already taken
    And the balance shows 45.00 USD
    And the balance history shows one charge of 5.00 USD for "Residential proxies, 10 GB"

  Scenario: A cancelled charge puts the money back
    When ipocto's billing charges the customer 5.00 USD for "Residential proxies, 10 GB"
    And ipocto's billing cancels the charge
    Then the charge shows as cancelled
    And the balance shows 50.00 USD
    And the balance history shows the charge of 5.00 USD for "Residential proxies, 10 GB" and its cancellation
    When ipocto's billing cancels the charge again
    Then the charge shows as cancelled
    And the balance shows 50.00 USD
