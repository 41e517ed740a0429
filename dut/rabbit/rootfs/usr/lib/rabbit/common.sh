# What rabbit-reset shares with /init (sourced by both): paths, the network snapshot, forwarding.
# rabbit-reset runs between every two scenarios, so this file stays small: sourcing costs parse time.

RABBIT_RUN=/run/rabbit
# Busybox runs its own applets before anything on PATH, so iproute2's ip is called by path.
IP=/bin/ip

# Writes the network configuration as text to $1 and succeeds when it equals the snapshot in $2 (if given):
# links with MTU and flags, the IPv4 FIB (addresses and routes), IPv6 addresses, IPv6 routes without the
# counters that traffic changes, permanent ARP entries and permanent IPv6 neighbours. One busybox awk reads it
# all: the shell's read builtin takes a system call per byte, which under TCG made a snapshot cost a tenth of a
# second. The IPv6 neighbours have no /proc text: busybox's ip lists them (11 ms under TCG; iproute2's takes 64).
rabbit_snapshot() {
  busybox ip -6 neigh show nud permanent >$RABBIT_RUN/neigh6
  awk -v out="$1" -v base="${2:-}" '
    BEGIN { while (base != "" && (getline line < base) > 0) expected = expected line "\n" }
    FILENAME ~ /^\/sys\// { line = FILENAME " " $0 }
    FILENAME == "/proc/net/fib_trie" || FILENAME == "/proc/net/if_inet6" { line = $0 }
    FILENAME == "/proc/net/ipv6_route" { line = "route6 " $1 "/" $2 " " $5 " " $10 }
    FILENAME == "/proc/net/arp" { if ($3 != "0x6") next; line = "arp " $1 " " $4 " " $6 }
    FILENAME ~ /neigh6$/ { line = "neigh6 " $0 }
    { print line > out; actual = actual line "\n" }
    END { close(out); exit (base != "" && actual != expected) }
  ' /sys/class/net/*/mtu /sys/class/net/*/flags /proc/net/fib_trie /proc/net/if_inet6 /proc/net/ipv6_route /proc/net/arp $RABBIT_RUN/neigh6
}

# The IPv6 routes as "destination/length nexthop device" lines: rabbit-reset compares them with the
# baseline's to know whether IPv6 routes need a flush of their own (an ip -batch cannot flush them).
rabbit_routes6() {
  awk '{ print $1 "/" $2, $5, $10 }' /proc/net/ipv6_route
}

rabbit_forwarding_on() {
  echo 1 >/proc/sys/net/ipv4/ip_forward && echo 1 >/proc/sys/net/ipv6/conf/all/forwarding
}
