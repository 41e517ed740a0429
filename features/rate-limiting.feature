@ratelimit @slow
Feature: Rate limiting
  The DUT holds the traffic it sends out of a link to a configured rate: a client that
  sends as fast as it can through the DUT gets that rate and no more, within a stated
  tolerance. Without a limit the same path is at least twice as fast as the highest
  limit here (an emulated DUT on a busy host forwards some tens of Mbit/s, not more).

  Background:
    Given the DUT has these links:
      | link | network         | DUT address   | hosts                       |
      | 0    | 192.168.0.0/24  | 192.168.0.1   | 192.168.0.2                 |
      | 0    | 2001:db8:0::/64 | 2001:db8:0::1 | 2001:db8:0::2               |
      | 1    | 192.168.1.0/24  | 192.168.1.1   | 192.168.1.2 192.168.1.3     |
      | 1    | 2001:db8:1::/64 | 2001:db8:1::1 | 2001:db8:1::2 2001:db8:1::3 |

  Scenario Outline: Traffic leaving link 1 is held to <rate>
    Given the DUT limits traffic leaving link 1 to <rate>
    When node 0 measures the TCP throughput to 192.168.1.2 for 3 seconds
    Then the throughput is <rate> within 25%

    Examples:
      | rate     |
      | 1 Mbit/s |
      | 4 Mbit/s |

  @ipv6
  Scenario: IPv6 traffic leaving link 1 is held to the limit too
    Given the DUT limits traffic leaving link 1 to 2 Mbit/s
    When node 0 measures the TCP throughput to 2001:db8:1::2 for 3 seconds
    Then the throughput is 2 Mbit/s within 25%

  Scenario: Without a limit the same traffic is much faster
    When node 0 measures the TCP throughput to 192.168.1.2 for 3 seconds
    Then the throughput is at least 8 Mbit/s

  Scenario: A limit on link 1 leaves traffic towards link 0 alone
    Given the DUT limits traffic leaving link 1 to 1 Mbit/s
    When node 1 measures the TCP throughput to 192.168.0.2 for 3 seconds
    Then the throughput is at least 8 Mbit/s
