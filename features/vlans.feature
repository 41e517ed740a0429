@vlans
Feature: VLANs
  The DUT is a gateway for tenants that share link 1 as 802.1Q VLANs: VLAN 10 and VLAN 20
  each have a subnet of their own and a sub-interface on the DUT. The DUT routes between
  the tenants and to link 0, and every frame of a tenant on link 1 carries its VLAN tag.
  A rule can keep the tenants apart. The tenants and link 0 carry IPv6 too; link 1's own
  subnet is IPv4-only.

  Background:
    Given the DUT has these links:
      | link | vlan | network          | DUT address    | hosts          |
      | 0    |      | 192.168.0.0/24   | 192.168.0.1    | 192.168.0.2    |
      | 0    |      | 2001:db8:0::/64  | 2001:db8:0::1  | 2001:db8:0::2  |
      | 1    |      | 192.168.1.0/24   | 192.168.1.1    | 192.168.1.2    |
      | 1    | 10   | 192.168.10.0/24  | 192.168.10.1   | 192.168.10.2   |
      | 1    | 10   | 2001:db8:10::/64 | 2001:db8:10::1 | 2001:db8:10::2 |
      | 1    | 20   | 192.168.20.0/24  | 192.168.20.1   | 192.168.20.2   |
      | 1    | 20   | 2001:db8:20::/64 | 2001:db8:20::1 | 2001:db8:20::2 |

  @smoke
  Scenario: A tenant reaches its gateway on its VLAN
    When node 1.10 pings the DUT
    Then the ping succeeds
    And link 1 carries an ICMP echo request from 192.168.10.2 to 192.168.10.1 tagged with VLAN 10
    And link 1 carries an ICMP echo reply from 192.168.10.1 to 192.168.10.2 tagged with VLAN 10

  Scenario Outline: The DUT routes between tenant VLANs over <family>
    When node 1.10 pings <far>
    Then the ping succeeds
    And link 1 carries an <icmp> echo request from <near> to <far> tagged with VLAN 10
    And link 1 carries an <icmp> echo request from <near> to <far> tagged with VLAN 20
    And link 1 carries no untagged <icmp> echo request

    Examples:
      | family | icmp   | near           | far            |
      | IPv4   | ICMP   | 192.168.10.2   | 192.168.20.2   |
      | IPv6   | ICMPv6 | 2001:db8:10::2 | 2001:db8:20::2 |

  @ipv6
  Scenario: A tenant reaches an IPv6 host on an untagged link
    When node 1.20 pings 2001:db8:0::2 with hop limit 64
    Then the ping succeeds
    And link 0 carries an untagged ICMPv6 echo request from 2001:db8:20::2 to 2001:db8:0::2 with hop limit 63
    And link 1 carries an ICMPv6 echo reply from 2001:db8:0::2 to 2001:db8:20::2 tagged with VLAN 20

  Scenario Outline: <protocol> crosses between tenant VLANs
    Given node 1.20 listens on <protocol> port 7
    When node 1.10 sends "tenant to tenant" over <protocol> to 192.168.20.2 port 7
    Then the reply is "tenant to tenant"
    And node 1.20 receives "tenant to tenant" from 192.168.10.2
    And link 1 carries a <protocol> packet to 192.168.20.2 port 7 tagged with VLAN 20

    Examples:
      | protocol |
      | TCP      |
      | UDP      |

  Scenario: A tenant reaches a host on an untagged link
    When node 1.10 pings 192.168.0.2
    Then the ping succeeds
    And link 0 carries an untagged ICMP echo request from 192.168.10.2 to 192.168.0.2
    And link 1 carries an ICMP echo reply from 192.168.0.2 to 192.168.10.2 tagged with VLAN 10

  Scenario: A rule keeps the tenants apart
    Given the DUT drops traffic from VLAN 10 on link 1 to VLAN 20 on link 1
    When node 1.10 pings 192.168.20.2
    Then the ping times out
    And link 1 carries an ICMP echo request to 192.168.20.2 tagged with VLAN 10
    And link 1 carries no ICMP echo request to 192.168.20.2 tagged with VLAN 20
    When node 1.10 pings 192.168.0.2
    Then the ping succeeds
