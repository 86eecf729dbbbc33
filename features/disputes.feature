Feature: Disputes
  Days or weeks after a top-up, the cardholder can ask their bank to take the payment back: a dispute, or
  chargeback. The payment partner takes the money back from ipocto as soon as the bank opens the dispute, so
  ipocto takes the top-up back out of the balance at once too, and the order shows the dispute, its reason and
  the date by which ipocto can answer it. If the customer has already spent the money, the balance goes below
  zero, by no more than the disputed top-up; ipocto's billing cannot charge the balance until a new top-up
  brings it back. ipocto answers a dispute with evidence: if the bank decides for ipocto, the money comes back
  on the balance; if it decides for the cardholder, it stays taken. A bank that only asks about a payment (an
  inquiry) moves no money. However often, and in whatever order, the payment partner's messages about a
  dispute arrive, the dispute is applied once.

  Background:
    Given a customer in the United States with a balance of 0.00 USD
    And the customer has topped up 50.00 USD by card through Stripe

  Scenario: A dispute of a top-up the customer has not spent takes it back out of the balance
    Given the customer has also topped up 30.00 USD with a card whose holder disputes the payment 3 days later
    When 3 days pass and the cardholder's bank disputes the payment
    Then the balance shows 50.00 USD
    And disputes have taken 30.00 USD back from the balance
    And the order shows a dispute of 30.00 USD for "fraudulent", waiting for ipocto's answer until 7 days after the payment
    And the customer is told "Your bank disputed this top-up: 30.00 USD was taken back from your balance while the bank decides."
    And the balance history shows the dispute taking 30.00 USD back, once
    And support sees in the order's timeline, in this order:
      | entry          |
      | paid           |
      | dispute opened |

  Scenario: A dispute of a top-up already spent takes the balance below zero, and billing waits for a new top-up
    Given the customer has also topped up 30.00 USD with a card whose holder disputes the payment 3 days later
    And ipocto's billing has charged the customer 70.00 USD for "Dedicated server, March"
    When 3 days pass and the cardholder's bank disputes the payment
    Then the balance is 20.00 USD below zero
    And the balance shows 0.00 USD
    And disputes have taken 30.00 USD back from the balance
    And the balance tells the customer "Your balance is -20.00 USD because your bank reversed a top-up (a dispute) after the money had been spent."
    When ipocto's billing tries to charge the customer 5.00 USD for "Static IP, April"
    Then the charge is refused because the balance is below zero
    And the balance is 20.00 USD below zero
    When the customer tops up 25.00 USD by card through Stripe
    Then the balance shows 5.00 USD
    And the balance tells the customer nothing
    When ipocto's billing tries to charge the customer 5.00 USD for "Static IP, April"
    Then the charge is taken, leaving 0.00 USD

  Scenario: ipocto wins the dispute and the money comes back on the balance
    Given the customer has also topped up 30.00 USD with a card whose holder disputes the payment 3 days later
    When 3 days pass and the cardholder's bank disputes the payment
    And ipocto answers the dispute with evidence that the bank accepts
    Then the order shows the dispute as under review
    And the balance shows 50.00 USD
    When the bank decides the dispute 5 minutes later
    Then the order shows the dispute as won
    And the balance shows 80.00 USD
    And disputes have taken nothing back from the balance
    And the customer is told "Your bank's dispute of this top-up was decided for ipocto: 30.00 USD is back on your balance."
    And the balance history shows the dispute taking 30.00 USD back and giving it back, once
    And support sees in the order's timeline, in this order:
      | entry                |
      | paid                 |
      | dispute opened       |
      | dispute under review |
      | dispute won          |

  Scenario: ipocto loses the dispute and the money stays taken
    Given the customer has also topped up 30.00 USD with a card whose holder disputes the payment 3 days later
    When 3 days pass and the cardholder's bank disputes the payment
    And ipocto answers the dispute with evidence that the bank turns down
    And the bank decides the dispute 5 minutes later
    Then the order shows the dispute as lost
    And the balance shows 50.00 USD
    And disputes have taken 30.00 USD back from the balance
    And the customer is told "Your bank's dispute of this top-up was decided for you: 30.00 USD stays taken from your balance."
    And the balance history shows the dispute taking 30.00 USD back, once
    And support sees in the order's timeline, in this order:
      | entry                |
      | paid                 |
      | dispute opened       |
      | dispute under review |
      | dispute lost         |

  Scenario: Stripe sends the same message about a dispute three times, and the dispute is applied once
    Given the customer has also topped up 30.00 USD with a card whose holder disputes the payment 3 days later
    When 3 days pass and the cardholder's bank disputes the payment
    And Stripe sends its message that the payment is disputed twice more
    Then ipocto acknowledges the message all three times
    And the order shows one dispute
    And the balance shows 50.00 USD
    And disputes have taken 30.00 USD back from the balance
    And the balance history shows the dispute taking 30.00 USD back, once

  Scenario: A dispute that arrives before Stripe's word that the payment succeeded waits for it, and is applied once
    Given Stripe's word that the customer's next payment succeeded is held up for 10 minutes
    When the customer tops up 30.00 USD with a card whose holder disputes the payment at once
    Then ipocto asks Stripe to send the dispute again, as it does not know the payment as paid yet
    And the balance shows 50.00 USD
    And disputes have taken nothing back from the balance
    When 10 minutes pass and Stripe's word that the payment succeeded arrives
    Then the order shows as succeeded
    And the balance shows 80.00 USD
    When Stripe sends the dispute again
    Then the balance shows 50.00 USD
    And disputes have taken 30.00 USD back from the balance
    And the order shows one dispute
    And the balance history shows the dispute taking 30.00 USD back, once

  Scenario: A bank that only asks about a top-up moves no money
    Given the customer has also topped up 30.00 USD with a card whose holder's bank asks about the payment
    Then the order shows a question from the bank about 30.00 USD
    And the balance shows 80.00 USD
    And disputes have taken nothing back from the balance
    And the customer is told "Your bank asked about this top-up. Nothing has changed on your balance"
    And the balance history shows no dispute
