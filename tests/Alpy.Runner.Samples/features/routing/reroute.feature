# language: en
@network
Feature: Reroute
  Traffic for port 80 is carried to port 88.

  Scenario: Reroute HTTP to port 88
    Given a server listening on port 88
    When a client connects to port 80
    Then the client reaches the server on port 88
