@filtering @stateful
Feature: A stateful gateway between the office, the guests and the servers
  Link 0 is the office, link 1 the servers, link 2 the guests. Guests may not reach
  the office, but everything the office starts towards the guests works, replies
  included: the gateway filters by who starts a flow, as a stateful firewall does.
  The links are dual-stack (the conventional plan), and the rule names no family: it
  keeps the guests out over IPv6 too.

  Background:
    Given the DUT has 3 links
    And the DUT drops traffic from link 2 to link 0

  Scenario: The office can still ping guests
    When node 0 pings 192.168.2.2
    Then the ping succeeds
    And link 0 carries an ICMP echo reply from 192.168.2.2 to 192.168.0.2

  Scenario: A guest cannot ping the office
    When node 2 pings 192.168.0.2
    Then the ping times out
    And link 2 carries an ICMP echo request to 192.168.0.2
    And link 0 carries no ICMP echo request

  Scenario: The office can still connect to a guest's server
    Given node 2 listens on TCP port 8080
    When node 0 sends "hello guest" over TCP to 192.168.2.2 port 8080
    Then the reply is "hello guest"

  Scenario: A guest cannot connect to the office
    Given node 0 listens on TCP port 8080
    When node 2 connects to 192.168.0.2 port 8080
    Then the connection times out
    And node 0 receives nothing

  @ipv6
  Scenario: The office can still connect to a guest's server over IPv6
    Given node 2 listens on TCP port 8080
    When node 0 sends "hello guest" over TCP to 2001:db8:2::2 port 8080
    Then the reply is "hello guest"
    And node 2 receives "hello guest" from 2001:db8::2

  @ipv6
  Scenario: A guest cannot connect to the office over IPv6 either
    Given node 0 listens on TCP port 8080
    When node 2 connects to 2001:db8::2 port 8080
    Then the connection times out
    And link 2 carries a TCP SYN to [2001:db8::2] port 8080
    And link 0 carries no TCP SYN to [2001:db8::2] port 8080

  Scenario: Guests still reach the servers
    Given node 1 listens on UDP port 5353
    When node 2 sends "query" over UDP to 192.168.1.2 port 5353
    Then the reply is "query"
