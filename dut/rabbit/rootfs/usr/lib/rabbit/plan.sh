# Rabbit's address plan, sourced by /init. The plan comes from the kernel command line (docs/dut.md):
#   rabbit.addr=ADDRS,ADDRS,...      per link in link order; ADDRS = CIDR[+CIDR...] (IPv4/IPv6), may be empty
#   rabbit.vlan=L.V=ADDRS,...        VLAN V (1-4094) on link L as interface ethL.V with its addresses
#   rabbit.route=DEST@GW,...         static routes; DEST is a CIDR or "default"
# At boot the plan is checked once and written as ip -batch lines (the kernel command line cannot change
# while Rabbit runs): /run/rabbit/apply applies it, /run/rabbit/baseline (used by rabbit-reset) first cleans
# what scenarios may have changed, then applies it.
#
# Only shell builtins run in loops: under TCG every fork+exec costs milliseconds.

. /usr/lib/rabbit/common.sh

rabbit_fail() {
  RABBIT_ERROR=$*
  return 1
}

# Sets RABBIT_ADDR, RABBIT_VLAN and RABBIT_ROUTE from /proc/cmdline.
rabbit_read_cmdline() {
  local cmdline word
  RABBIT_ADDR= RABBIT_VLAN= RABBIT_ROUTE=
  read -r cmdline </proc/cmdline
  set -f
  for word in $cmdline; do
    case $word in
      rabbit.addr=*) RABBIT_ADDR=${word#rabbit.addr=} ;;
      rabbit.vlan=*) RABBIT_VLAN=${word#rabbit.vlan=} ;;
      rabbit.route=*) RABBIT_ROUTE=${word#rabbit.route=} ;;
    esac
  done
  set +f
}

# Succeeds for an address with a prefix length made only of address characters ($2 names it in errors).
rabbit_check_cidr() {
  case $1 in
    */*/* | /* | */ | *[!0-9A-Fa-f.:/]*) rabbit_fail "$2: '$1' is not an address with a prefix length such as 192.168.0.1/24 or fd00::1/64" ;;
    */*) return 0 ;;
    *) rabbit_fail "$2: '$1' has no prefix length (write e.g. $1/24)" ;;
  esac
}

# Prints the ip -batch lines that add the addresses ADDRS ($1, '+'-separated) to device $2.
rabbit_address_lines() {
  local list=$1 dev=$2 where=$3 IFS=+ a
  for a in $list; do
    rabbit_check_cidr "$a" "$where" || return 1
    case $a in
      *:*) echo "address add $a dev $dev nodad" ;;  # no duplicate address detection: usable at once
      *) echo "address add $a dev $dev" ;;
    esac
  done
}

# Loads the modules a file lists (one line, names separated by spaces); modprobe adds their dependencies.
rabbit_load_modules() {
  local mods
  read -r mods <"$1"
  [ -n "$mods" ] || return 0
  # shellcheck disable=SC2086 # one word per module
  modprobe -a $mods || rabbit_fail "loading the kernel modules $mods failed; the console above says why"
}

# Names the NICs eth0..ethN-1 in PCI slot order, which is the order of QEMU's -device options (= link order),
# without duplicate address detection for IPv6 (link-local addresses usable at once, and stable routes).
rabbit_name_links() {
  local dev slot name i=0 renames= sorted
  sorted=$(
    for dev in /sys/class/net/*; do
      [ -e "$dev/device" ] || continue
      echo 0 >"/proc/sys/net/ipv6/conf/${dev##*/}/accept_dad"
      cd -P "$dev/device" && echo "$PWD ${dev##*/}"
    done | sort
  )
  while read -r slot name; do
    [ -n "$name" ] || continue
    [ "$name" = "eth$i" ] || renames="${renames}link set dev $name name rabbit-tmp$i
"
    i=$((i + 1))
  done <<EOF
$sorted
EOF
  RABBIT_LINKS=$i
  [ -z "$renames" ] && return 0
  # Two passes, so that no new name collides with a name not renamed yet.
  printf '%s' "$renames" | $IP -batch - || rabbit_fail "renaming the NICs in PCI order failed"
  i=0
  while [ $i -lt $RABBIT_LINKS ]; do
    echo "link set dev rabbit-tmp$i name eth$i"
    i=$((i + 1))
  done | $IP -batch - || rabbit_fail "renaming the NICs in PCI order failed"
}

# Prints the plan as ip -batch lines (addresses, links up, VLANs, routes); fails naming a bad entry.
rabbit_plan_lines() {
  local i=0 entry link vid addrs IFS=,
  set -f
  for entry in $RABBIT_ADDR; do
    [ $i -lt "$RABBIT_LINKS" ] || { rabbit_fail "rabbit.addr has an entry for link $i, but the machine has $RABBIT_LINKS NICs (one -device per link?)"; return 1; }
    rabbit_address_lines "$entry" "eth$i" "rabbit.addr link $i" || return 1
    i=$((i + 1))
  done
  i=0
  while [ $i -lt "$RABBIT_LINKS" ]; do
    echo "link set dev eth$i up"
    i=$((i + 1))
  done
  for entry in $RABBIT_VLAN; do
    link=${entry%%.*} vid=${entry#*.} addrs=
    case $vid in *=*) addrs=${vid#*=} vid=${vid%%=*} ;; esac
    case $link$vid in
      '' | *[!0-9]*) rabbit_fail "rabbit.vlan: '$entry' is not LINK.VID=ADDRS (e.g. 0.10=192.168.10.1/24)"; return 1 ;;
    esac
    [ "$link" -lt "$RABBIT_LINKS" ] || { rabbit_fail "rabbit.vlan: '$entry' names link $link, but the machine has $RABBIT_LINKS NICs"; return 1; }
    [ "$vid" -ge 1 ] && [ "$vid" -le 4094 ] || { rabbit_fail "rabbit.vlan: VLAN id $vid in '$entry' is outside 1-4094"; return 1; }
    echo "link add link eth$link name eth$link.$vid type vlan id $vid"
    echo "link set dev eth$link.$vid up"
    rabbit_address_lines "$addrs" "eth$link.$vid" "rabbit.vlan $link.$vid" || return 1
  done
  for entry in $RABBIT_ROUTE; do
    case $entry in
      *@*@* | @* | *@ | *[!0-9A-Fa-f.:/@default]*) rabbit_fail "rabbit.route: '$entry' is not DEST@GATEWAY (e.g. 10.0.0.0/8@192.168.1.2 or default@192.168.0.2)"; return 1 ;;
      *@*) echo "route replace ${entry%@*} via ${entry#*@}" ;;
      *) rabbit_fail "rabbit.route: '$entry' has no gateway (write DEST@GATEWAY)"; return 1 ;;
    esac
  done
  set +f
}

# The lines that undo what scenarios may have done to the NICs before the plan is applied again: global
# addresses (link-local ones stay), neighbours (also permanent ones, IPv4 and IPv6), MTU, and IPv4 routes added by hand (protocol boot or static).
# Each succeeds when there is nothing to remove. (An ip -batch cannot flush IPv6 routes: its family is
# IPv4 unless -6 is given for the whole batch; rabbit-reset handles them apart.)
rabbit_cleanup_lines() {
  local i=0
  while [ $i -lt "$RABBIT_LINKS" ]; do
    echo "address flush dev eth$i scope global"
    echo "neigh flush dev eth$i"
    echo "neigh flush dev eth$i nud permanent"
    echo "link set dev eth$i mtu 1500"
    i=$((i + 1))
  done
  echo "route flush proto boot"
  echo "route flush proto static"
}

# Writes $RABBIT_RUN/apply, $RABBIT_RUN/baseline, $RABBIT_RUN/routes (the plan's routes alone) and
# $RABBIT_RUN/nics (the NICs' names).
rabbit_write_plan() {
  local i=0 nics= line
  mkdir -p $RABBIT_RUN
  rabbit_plan_lines >$RABBIT_RUN/apply || return 1
  while read -r line; do
    case $line in "route "*) echo "$line" ;; esac
  done <$RABBIT_RUN/apply >$RABBIT_RUN/routes
  { rabbit_cleanup_lines && cat $RABBIT_RUN/apply; } >$RABBIT_RUN/baseline
  while [ $i -lt "$RABBIT_LINKS" ]; do
    nics="$nics eth$i"
    i=$((i + 1))
  done
  echo "$nics" >$RABBIT_RUN/nics
}

# Applies the plan; ip's own error (with the failing line of the plan) lands in RABBIT_ERROR.
rabbit_apply_plan() {
  local err
  err=$($IP -batch $RABBIT_RUN/apply 2>&1) || rabbit_fail "applying the address plan failed: $err"
}

# Everything before the ready marker. Modules used later (nftables, VLANs, qdiscs) load on first use.
rabbit_boot() {
  echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad
  rabbit_read_cmdline
  rabbit_load_modules /etc/rabbit/modules.boot || return 1
  rabbit_name_links || return 1
  rabbit_write_plan || return 1
  rabbit_forwarding_on || rabbit_fail "turning forwarding on failed" || return 1
  $IP link set dev lo up
  rabbit_apply_plan || return 1
  rabbit_routes6 >$RABBIT_RUN/routes6
  rabbit_snapshot $RABBIT_RUN/state.baseline
}

# After the ready marker, in the background: the power button (modules, then acpid, which logs to /var/log).
rabbit_late() {
  rabbit_load_modules /etc/rabbit/modules.late && acpid
}
