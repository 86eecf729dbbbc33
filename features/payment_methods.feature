Feature: Why can't I see the payment method I want to use?
  The available payment methods vary depending on your country/region. This is determined by our
  payment partners based on local regulations and banking support.

  Scenario Outline: <method> is offered to customers in <country>
    Given a customer in <country> with a balance of 0.00 USD
    When the customer asks which payment methods they can use
    Then <method> through <provider> is among them
    And it is paid by <flow>

    Examples: Stripe in Europe, the Americas and Asia-Pacific
      | country            | method           | provider | flow                |
      | the United States  | debit card       | Stripe   | a card form         |
      | the United States  | Apple Pay        | Stripe   | a card form         |
      | Germany            | Google Pay       | Stripe   | a card form         |
      | China              | WeChat Pay       | Stripe   | scanning a QR code  |

    Examples: PayerMax in Southeast Asia, the Middle East and other emerging markets
      | country            | method           | provider | flow                |
      | the Philippines    | GCash            | PayerMax | a redirect          |
      | Indonesia          | DANA             | PayerMax | a redirect          |
      | Indonesia          | BCA bank transfer | PayerMax | scanning a QR code |
      | Saudi Arabia       | STC Pay          | PayerMax | a redirect          |
      | Taiwan             | E.SUN Bank transfer | PayerMax | a redirect       |
      | Singapore          | PayNow           | PayerMax | scanning a QR code  |
      | Brazil             | Pix              | PayerMax | scanning a QR code  |

  Scenario Outline: <method> is not offered in <country>, and the customer is told why
    Given a customer in <country> with a balance of 0.00 USD
    When the customer asks which payment methods they can use
    Then <method> is not among them
    And the explanation for <method> says "The available payment methods vary depending on your country/region. This is determined by our payment partners based on local regulations and banking support."

    Examples:
      | country           | method     |
      | the United States | GCash      |
      | the Philippines   | WeChat Pay |
      | Germany           | PayNow     |
      | Brazil            | Apple Pay  |
      | India             | card       |

  Scenario: Choosing a method that is not offered in the customer's country is refused with the explanation
    Given a customer in the United States with a balance of 0.00 USD
    When the customer tries to top up 10.00 USD through PayerMax with GCash
    Then the top-up does not start and the customer sees the error code "payment_method_unavailable"
    And the message says "The available payment methods vary depending on your country/region."
