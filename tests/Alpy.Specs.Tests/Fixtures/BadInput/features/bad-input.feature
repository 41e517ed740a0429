@bad-input
Feature: Bad input
  Each scenario but the last has one bad step; each must fail with a message that names the step and the bad
  value, and the run must go on to the last scenario, which passes.

  Background:
    Given the DUT has these links:
      | link | network         | DUT address   | hosts         |
      | 0    | 192.168.0.0/24  | 192.168.0.1   | 192.168.0.2   |
      | 1    | 192.168.1.0/24  | 192.168.1.1   | 192.168.1.2   |
      | 2    | 2001:db8:2::/64 | 2001:db8:2::1 | 2001:db8:2::2 |

  Scenario: An unknown step
    When node 0 pings 192.168.1.2 very loudly
    Then the ping succeeds

  Scenario: A malformed address
    When node 0 pings 192.168.1.300
    Then the ping succeeds

  Scenario: A malformed port
    Given node 1 listens on TCP port 70000

  Scenario: An unknown link
    When node 0 pings 192.168.1.2
    Then link 7 carries an ICMP echo request

  Scenario: An unknown node
    When node 3 pings 192.168.1.2

  Scenario: A rate in bytes
    Given the DUT limits traffic leaving link 1 to 2 MB/s

  Scenario: A malformed frame description
    When node 0 pings 192.168.1.2
    Then link 1 carries a TCP SYN to 192.168.1.2 port 99999

  Scenario: A malformed tcpdump filter
    When node 0 pings 192.168.1.2
    Then link 1 carries a frame matching "icmp and and"

  Scenario: A rule that points outside the lab
    Given the DUT reroutes TCP port 80 to 10.0.0.1 port 88

  Scenario: A verdict before any traffic
    Then the ping succeeds

  Scenario: An IPv6 address with a typo
    When node 0 pings 2001:db8:1::g

  Scenario: An address with a zone index
    When node 0 pings fe80::1%eth0

  Scenario: An IPv6 address on an IPv4-only link
    When node 0 pings 2001:db8:1::2

  Scenario: An IPv6 host the topology does not have
    Given host 2001:db8:1::2 listens on TCP port 7

  Scenario: Frame words of both families
    When node 0 pings 192.168.1.2
    Then link 1 carries an ICMPv6 echo request to 192.168.1.2

  Scenario: An IPv4 address from an IPv6-only link
    When node 2 pings 192.168.1.2

  Scenario: A good scenario after the bad ones
    When node 0 pings 192.168.1.2
    Then the ping succeeds
    And link 1 carries an ICMP echo request from 192.168.0.2 to 192.168.1.2
