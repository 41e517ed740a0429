@reroutes
Feature: Reroutes
  The DUT redirects connections for one port to a server on another port: a client that
  connects to port 80 is served by the server's port 88 without knowing it. Its own link
  shows the connection to port 80; the far link shows it arriving at port 88. Ports that
  no rule names are left alone, and the server's own port stays reachable directly. A
  reroute to an IPv6 address reroutes IPv6 connections and leaves IPv4 alone.

  Background:
    Given the DUT has these links:
      | link | network         | DUT address   | hosts                       |
      | 0    | 192.168.0.0/24  | 192.168.0.1   | 192.168.0.2                 |
      | 0    | 2001:db8:0::/64 | 2001:db8:0::1 | 2001:db8:0::2               |
      | 1    | 192.168.1.0/24  | 192.168.1.1   | 192.168.1.2 192.168.1.3     |
      | 1    | 2001:db8:1::/64 | 2001:db8:1::1 | 2001:db8:1::2 2001:db8:1::3 |

  @smoke
  Scenario Outline: A connection to port 80 is served on port 88 over <family>
    Given node 1 listens on TCP port 88
    And the DUT reroutes TCP port 80 to <server> port 88
    When node 0 sends "via port 80" over TCP to <server> port 80
    Then the reply is "via port 80"
    And link 0 carries a TCP SYN to <server> port 80
    And link 1 carries a TCP SYN to <server> port 88
    And link 1 carries no TCP SYN to <server> port 80

    Examples:
      | family | server        |
      | IPv4   | 192.168.1.2   |
      | IPv6   | 2001:db8:1::2 |

  @ipv6
  Scenario: A reroute to an IPv6 address leaves IPv4 alone
    Given node 1 listens on TCP port 88
    And the DUT reroutes TCP port 80 to 2001:db8:1::2 port 88
    When node 0 sends "via port 80" over TCP to 192.168.1.2 port 80
    Then the message is refused
    And link 1 carries a TCP SYN to 192.168.1.2 port 80

  Scenario: Without the reroute, port 80 is refused
    Given node 1 listens on TCP port 88
    When node 0 sends "via port 80" over TCP to 192.168.1.2 port 80
    Then the message is refused
    And link 1 carries a TCP SYN to 192.168.1.2 port 80
    And link 1 carries no TCP SYN to 192.168.1.2 port 88

  Scenario: A port that is not rerouted is not redirected
    Given node 1 listens on TCP port 88
    And the DUT reroutes TCP port 80 to 192.168.1.2 port 88
    When node 0 connects to 192.168.1.2 port 81
    Then the connection is refused
    And link 1 carries a TCP SYN to 192.168.1.2 port 81
    And link 1 carries no TCP SYN to 192.168.1.2 port 88

  Scenario: The server's own port is still reachable directly
    Given node 1 listens on TCP port 88
    And the DUT reroutes TCP port 80 to 192.168.1.2 port 88
    When node 0 sends "straight to 88" over TCP to 192.168.1.2 port 88
    Then the reply is "straight to 88"
    And node 1 receives "straight to 88" from 192.168.0.2

  Scenario: A connection can be rerouted to another host
    Given host 192.168.1.3 listens on TCP port 88
    And the DUT reroutes TCP port 80 to 192.168.1.3 port 88
    When node 0 sends "elsewhere" over TCP to 192.168.1.2 port 80
    Then the reply is "elsewhere"
    And host 192.168.1.3 receives "elsewhere" from 192.168.0.2
    And link 1 carries a TCP SYN to 192.168.1.3 port 88

  Scenario: A UDP port is rerouted too
    Given node 1 listens on UDP port 5353
    And the DUT reroutes UDP port 53 to 192.168.1.2 port 5353
    When node 0 sends "query" over UDP to 192.168.1.2 port 53
    Then the reply is "query"
    And link 1 carries a UDP packet to 192.168.1.2 port 5353
    And link 0 carries a UDP packet from 192.168.1.2 port 53 to 192.168.0.2

  Scenario: Without the UDP reroute, port 53 is refused
    Given node 1 listens on UDP port 5353
    When node 0 sends "query" over UDP to 192.168.1.2 port 53
    Then the message is refused
    And link 1 carries no UDP packet to 192.168.1.2 port 5353
