@crashing-dut
Feature: A DUT that crashes during a scenario
  The first scenario's DUT is killed (SIGKILL, as a crashing appliance dies) while a node pings across it: the
  scenario must fail saying that the lab broke, when and how, not that the ping timed out. The next scenario gets a
  new lab and passes.

  Background:
    Given the DUT has 2 links

  Scenario: The DUT crashes while a node pings across it
    Given the DUT crashes in 2 seconds
    When node 0 pings 192.168.1.2 6 times
    Then the ping succeeds

  Scenario: The next scenario gets a new lab
    When node 0 pings 192.168.1.2
    Then the ping succeeds
