@forwarding @ipv6
Feature: IPv6-only links
  A link (or a VLAN) may carry IPv6 alone: the links table gives it an IPv6 row and no IPv4
  one. Link 1 and its VLAN 10 are IPv6-only; link 0 is dual-stack. The DUT answers on its
  IPv6 address there and routes IPv6 between them and link 0 as between dual-stack links.

  Background:
    Given the DUT has these links:
      | link | vlan | network          | DUT address    | hosts          |
      | 0    |      | 192.168.0.0/24   | 192.168.0.1    | 192.168.0.2    |
      | 0    |      | 2001:db8:0::/64  | 2001:db8:0::1  | 2001:db8:0::2  |
      | 1    |      | 2001:db8:1::/64  | 2001:db8:1::1  | 2001:db8:1::2  |
      | 1    | 10   | 2001:db8:10::/64 | 2001:db8:10::1 | 2001:db8:10::2 |

  Scenario: A host on an IPv6-only link pings the DUT
    When node 1 pings the DUT
    Then the ping succeeds
    And link 1 carries an ICMPv6 echo reply from 2001:db8:1::1 to 2001:db8:1::2

  Scenario: A host pings a host on an IPv6-only link through the DUT
    When node 0 pings 2001:db8:1::2
    Then the ping succeeds
    And link 1 carries an ICMPv6 echo request from 2001:db8:0::2 to 2001:db8:1::2
    And link 0 carries an ICMPv6 echo reply from 2001:db8:1::2 to 2001:db8:0::2

  Scenario: TCP crosses the DUT to an IPv6-only link
    Given node 1 listens on TCP port 7
    When node 0 sends "hello v6 only" over TCP to 2001:db8:1::2 port 7
    Then the reply is "hello v6 only"
    And node 1 receives "hello v6 only" from 2001:db8:0::2

  Scenario: A tenant on an IPv6-only VLAN reaches a host on another link
    When node 1.10 pings 2001:db8:0::2
    Then the ping succeeds
    And link 1 carries an ICMPv6 echo request from 2001:db8:10::2 to 2001:db8:0::2 tagged with VLAN 10
