@nat
Feature: NAT
  The DUT masquerades traffic leaving link 1: hosts behind link 1 see every client as the
  DUT's own address there, 192.168.1.1, and the frames on link 1 carry that address
  instead of the client's. Answers find their way back to the client all the same. The
  rule covers IPv6 as well (NAT66): over IPv6 the client appears as 2001:db8:1::1.

  Background:
    Given the DUT has these links:
      | link | network         | DUT address   | hosts                       |
      | 0    | 192.168.0.0/24  | 192.168.0.1   | 192.168.0.2                 |
      | 0    | 2001:db8:0::/64 | 2001:db8:0::1 | 2001:db8:0::2               |
      | 1    | 192.168.1.0/24  | 192.168.1.1   | 192.168.1.2 192.168.1.3     |
      | 1    | 2001:db8:1::/64 | 2001:db8:1::1 | 2001:db8:1::2 2001:db8:1::3 |

  Scenario Outline: A masqueraded <protocol> client appears as the DUT
    Given node 1 listens on <protocol> port <port>
    And the DUT masquerades traffic leaving link 1
    When node 0 sends "who am I" over <protocol> to 192.168.1.2 port <port>
    Then the reply is "who am I"
    And node 1 receives "who am I" from 192.168.1.1
    And link 1 carries a <protocol> packet from 192.168.1.1 to 192.168.1.2 port <port>
    And link 1 carries no traffic from 192.168.0.2

    Examples:
      | protocol | port |
      | TCP      | 7    |
      | UDP      | 7    |

  Scenario: A masqueraded ping leaves link 1 from the DUT's address
    Given the DUT masquerades traffic leaving link 1
    When node 0 pings 192.168.1.2
    Then the ping succeeds
    And link 1 carries an ICMP echo request from 192.168.1.1 to 192.168.1.2
    And link 0 carries an ICMP echo reply from 192.168.1.2 to 192.168.0.2

  @ipv6
  Scenario: A masqueraded client over IPv6 appears as the DUT
    Given node 1 listens on TCP port 7
    And the DUT masquerades traffic leaving link 1
    When node 0 sends "who am I" over TCP to 2001:db8:1::2 port 7
    Then the reply is "who am I"
    And node 1 receives "who am I" from 2001:db8:1::1
    And link 1 carries no traffic from 2001:db8:0::2

  Scenario: Without masquerade the server sees the client's own address
    Given node 1 listens on TCP port 7
    When node 0 sends "who am I" over TCP to 192.168.1.2 port 7
    Then the reply is "who am I"
    And node 1 receives "who am I" from 192.168.0.2
    And link 1 carries a TCP packet from 192.168.0.2 to 192.168.1.2 port 7

  Scenario: Masquerade on link 1 leaves traffic towards link 0 untouched
    Given node 0 listens on TCP port 7
    And the DUT masquerades traffic leaving link 1
    When node 1 sends "from the far side" over TCP to 192.168.0.2 port 7
    Then the reply is "from the far side"
    And node 0 receives "from the far side" from 192.168.1.2
