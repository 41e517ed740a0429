@broken-dut
Feature: A DUT that does not boot
  Run with ALPY_FIXTURE_DUT=broken: the first scenario's lab fails to boot with the DUT's own reason, the second
  fails at once with the same reason instead of booting again, and a scenario that needs no lab still passes.

  Scenario: The DUT does not boot
    Given the DUT has 2 links
    When node 0 pings 192.168.1.2

  Scenario: The same DUT is not booted again
    Given the DUT has 2 links
    When node 0 pings 192.168.1.2

  Scenario: A scenario that needs no lab
    Given a step that needs no lab
