@crashing-node
Feature: A node container that dies during a scenario
  Node 1's container is killed, then node 0 pings it: the scenario must fail saying that the lab broke, which node
  and when, not that the ping timed out. The next scenario gets a new lab and passes.

  Background:
    Given the DUT has 2 links

  Scenario: Node 1 dies before node 0 pings it
    Given node 1's container dies
    When node 0 pings 192.168.1.2
    Then the ping succeeds

  Scenario: The next scenario gets a new lab after the node died
    When node 0 pings 192.168.1.2
    Then the ping succeeds
