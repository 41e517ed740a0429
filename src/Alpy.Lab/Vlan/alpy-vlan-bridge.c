/*
 * alpy-vlan-bridge: a user-space 802.1Q bridge between one link interface and one tap per VLAN.
 *
 *   alpy-vlan-bridge LINK VID=TAP [VID=TAP ...]
 *
 * Why it exists: the lab's host kernel may have no 8021q module, so a node container cannot have a
 * VLAN sub-interface. This program stands in for one. It runs inside the network namespace of a
 * link's node (CAP_NET_ADMIN and /dev/net/tun are all it needs), creates one tap per VLAN there,
 * and then moves frames:
 *   - a frame arriving on LINK tagged with VLAN VID is untagged and written to VID's tap;
 *   - a frame read from VID's tap is tagged with VID and sent on LINK.
 * Untagged frames are left to the node's own stack. The lab moves each tap into the VLAN's own node
 * namespace and configures it there; the open file descriptors keep working across the move, so the
 * VLAN node sees an ordinary Ethernet interface and the link's pcap shows the tagged frames.
 *
 * The kernel strips the tag of a received frame into the packet's metadata before AF_PACKET sees
 * it; PACKET_AUXDATA gives it back (tp_vlan_tci). A tag left inline is handled too.
 *
 * It prints "ready" on stdout once every tap exists, and exits 0 on SIGTERM/SIGINT; the taps vanish
 * with it (they are not persistent). Exit codes: 0 stopped by a signal, 2 bad arguments, 1 any
 * other failure, with the reason on stderr.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <net/ethernet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_VLANS 16
#define TAG_LEN 4
#define MAC_PAIR_LEN 12
/* Room for the largest frame a tap or packet socket hands over, plus a tag pushed in front. */
#define FRAME_MAX 65536

struct vlan {
    unsigned vid;
    const char *tap;
    int fd;
};

static volatile sig_atomic_t stopping;
static unsigned char frame[TAG_LEN + FRAME_MAX];

static void on_signal(int sig) { (void)sig; stopping = 1; }

static int usage(const char *why)
{
    fprintf(stderr, "alpy-vlan-bridge: %s\nusage: alpy-vlan-bridge LINK VID=TAP [VID=TAP ...] (at most %d VLANs, VID 1..4094)\n",
            why, MAX_VLANS);
    return 2;
}

/* Interface names: 1..15 characters of [A-Za-z0-9._-], as iproute2 accepts without quoting. */
static int valid_ifname(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n >= IFNAMSIZ)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* VID=TAP with VID a decimal 1..4094 without sign, spaces or leading zeros. */
static int parse_vlan(char *arg, struct vlan *vlan)
{
    char *eq = strchr(arg, '=');
    if (eq == NULL || eq == arg || eq - arg > 4 || arg[0] == '0')
        return 0;
    unsigned vid = 0;
    for (char *p = arg; p < eq; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        vid = vid * 10 + (unsigned)(*p - '0');
    }
    if (vid < 1 || vid > 4094 || !valid_ifname(eq + 1))
        return 0;
    vlan->vid = vid;
    vlan->tap = eq + 1;
    vlan->fd = -1;
    return 1;
}

static int open_tap(const char *name)
{
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        fprintf(stderr, "alpy-vlan-bridge: cannot open /dev/net/tun: %s (give the container the device /dev/net/tun)\n", strerror(errno));
        return -1;
    }
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    memcpy(ifr.ifr_name, name, strlen(name));
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        fprintf(stderr, "alpy-vlan-bridge: cannot create tap %s: %s (needs CAP_NET_ADMIN; the name must be free)\n", name, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static int open_link(const char *name)
{
    unsigned index = if_nametoindex(name);
    if (index == 0) {
        fprintf(stderr, "alpy-vlan-bridge: no interface %s in this network namespace\n", name);
        return -1;
    }
    int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, htons(ETH_P_ALL));
    if (fd < 0) {
        fprintf(stderr, "alpy-vlan-bridge: cannot open a packet socket: %s (needs CAP_NET_RAW)\n", strerror(errno));
        return -1;
    }
    struct sockaddr_ll addr;
    memset(&addr, 0, sizeof addr);
    addr.sll_family = AF_PACKET;
    addr.sll_protocol = htons(ETH_P_ALL);
    addr.sll_ifindex = (int)index;
    int on = 1;
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &on, sizeof on) < 0) {
        fprintf(stderr, "alpy-vlan-bridge: cannot bind to %s: %s\n", name, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static struct vlan *find_vlan(struct vlan *vlans, int count, unsigned vid)
{
    for (int i = 0; i < count; i++)
        if (vlans[i].vid == vid)
            return &vlans[i];
    return NULL;
}

/* One frame from the link: untag it and hand it to its VLAN's tap. Returns -1 on a fatal error. */
static int link_to_tap(int link, struct vlan *vlans, int count)
{
    unsigned char *buf = frame + TAG_LEN;
    union {
        struct cmsghdr header;
        char space[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
    } control;
    struct sockaddr_ll from;
    struct iovec iov = { .iov_base = buf, .iov_len = FRAME_MAX };
    struct msghdr msg = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = &control, .msg_controllen = sizeof control };
    ssize_t n = recvmsg(link, &msg, 0);
    if (n < 0)
        return (errno == EAGAIN || errno == EINTR) ? 0 : -1;
    /* Our own tagged frames (and the node's untagged ones) come back as outgoing: not for us. */
    if (from.sll_pkttype == PACKET_OUTGOING || (msg.msg_flags & MSG_TRUNC) || n < ETH_HLEN)
        return 0;

    int tagged = 0;
    unsigned vid = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_PACKET || c->cmsg_type != PACKET_AUXDATA || c->cmsg_len < CMSG_LEN(sizeof(struct tpacket_auxdata)))
            continue;
        struct tpacket_auxdata aux;
        memcpy(&aux, CMSG_DATA(c), sizeof aux);
        int tpid_ok = !(aux.tp_status & TP_STATUS_VLAN_TPID_VALID) || aux.tp_vlan_tpid == ETH_P_8021Q;
        if ((aux.tp_status & TP_STATUS_VLAN_VALID) && tpid_ok) {
            tagged = 1;
            vid = aux.tp_vlan_tci & 0x0fff;
        }
    }
    size_t len = (size_t)n;
    if (!tagged && len >= ETH_HLEN + TAG_LEN && buf[12] == 0x81 && buf[13] == 0x00) {
        /* The tag is still inline: take it out by moving the MAC addresses over it. */
        vid = ((unsigned)(buf[14] & 0x0f) << 8) | buf[15];
        memmove(buf + TAG_LEN, buf, MAC_PAIR_LEN);
        buf += TAG_LEN;
        len -= TAG_LEN;
        tagged = 1;
    }
    if (!tagged)
        return 0;
    struct vlan *vlan = find_vlan(vlans, count, vid);
    if (vlan != NULL && write(vlan->fd, buf, len) < 0 && errno != EAGAIN && errno != EIO)
        return -1;
    return 0;
}

/* One frame from a VLAN's tap: push its tag in front of the EtherType and send it on the link. */
static int tap_to_link(struct vlan *vlan, int link)
{
    ssize_t n = read(vlan->fd, frame + TAG_LEN, FRAME_MAX);
    if (n < 0)
        return (errno == EAGAIN || errno == EINTR) ? 0 : -1;
    if (n < ETH_HLEN)
        return 0;
    memmove(frame, frame + TAG_LEN, MAC_PAIR_LEN);
    frame[12] = 0x81;
    frame[13] = 0x00;
    frame[14] = (unsigned char)(vlan->vid >> 8);
    frame[15] = (unsigned char)(vlan->vid & 0xff);
    if (send(link, frame, (size_t)n + TAG_LEN, 0) < 0 && errno != EAGAIN && errno != ENOBUFS && errno != ENETDOWN)
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return usage("give the link interface and at least one VID=TAP");
    if (argc - 2 > MAX_VLANS)
        return usage("too many VLANs");
    if (!valid_ifname(argv[1]))
        return usage("the link name must be 1-15 characters of A-Z a-z 0-9 . _ -");

    struct vlan vlans[MAX_VLANS];
    int count = 0;
    for (int i = 2; i < argc; i++) {
        if (!parse_vlan(argv[i], &vlans[count]))
            return usage("each VLAN must read VID=TAP with VID 1..4094 and a valid tap name");
        for (int j = 0; j < count; j++)
            if (vlans[j].vid == vlans[count].vid || strcmp(vlans[j].tap, vlans[count].tap) == 0)
                return usage("a VLAN id or tap name is given twice");
        count++;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    int link = open_link(argv[1]);
    if (link < 0)
        return 1;
    struct pollfd fds[MAX_VLANS + 1];
    fds[0] = (struct pollfd){ .fd = link, .events = POLLIN };
    for (int i = 0; i < count; i++) {
        vlans[i].fd = open_tap(vlans[i].tap);
        if (vlans[i].fd < 0)
            return 1;
        fds[i + 1] = (struct pollfd){ .fd = vlans[i].fd, .events = POLLIN };
    }
    printf("ready\n");
    fflush(stdout);

    while (!stopping) {
        int ready = poll(fds, (nfds_t)count + 1, -1);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "alpy-vlan-bridge: poll: %s\n", strerror(errno));
            return 1;
        }
        if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
            fprintf(stderr, "alpy-vlan-bridge: link %s went away\n", argv[1]);
            return 1;
        }
        if ((fds[0].revents & POLLIN) && link_to_tap(link, vlans, count) < 0) {
            fprintf(stderr, "alpy-vlan-bridge: link %s: %s\n", argv[1], strerror(errno));
            return 1;
        }
        for (int i = 0; i < count; i++) {
            if (fds[i + 1].revents & (POLLERR | POLLHUP | POLLNVAL)) {
                fprintf(stderr, "alpy-vlan-bridge: tap %s went away\n", vlans[i].tap);
                return 1;
            }
            if ((fds[i + 1].revents & POLLIN) && tap_to_link(&vlans[i], link) < 0) {
                fprintf(stderr, "alpy-vlan-bridge: tap %s: %s\n", vlans[i].tap, strerror(errno));
                return 1;
            }
        }
    }
    return 0;
}
