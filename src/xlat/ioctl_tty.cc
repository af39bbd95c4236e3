// The kernel's termios constants (asm/termbits.h), not glibc's: the ioctls
// carry the kernel's struct termios.
#include "xlat/ioctl_tty.h"

#include <asm/termios.h>
#include <linux/tty.h>

SCT_XLAT_DEFINE(tty_iflags, Flags, "",
                {IGNBRK, "IGNBRK"}, {BRKINT, "BRKINT"}, {IGNPAR, "IGNPAR"}, {PARMRK, "PARMRK"},
                {INPCK, "INPCK"}, {ISTRIP, "ISTRIP"}, {INLCR, "INLCR"}, {IGNCR, "IGNCR"}, {ICRNL, "ICRNL"},
                {IUCLC, "IUCLC"}, {IXON, "IXON"}, {IXANY, "IXANY"}, {IXOFF, "IXOFF"}, {IMAXBEL, "IMAXBEL"},
                {IUTF8, "IUTF8"})

SCT_XLAT_DEFINE(tty_oflags, Flags, "",
                {OPOST, "OPOST"}, {OLCUC, "OLCUC"}, {ONLCR, "ONLCR"}, {OCRNL, "OCRNL"}, {ONOCR, "ONOCR"},
                {ONLRET, "ONLRET"}, {OFILL, "OFILL"}, {OFDEL, "OFDEL"})

SCT_XLAT_DEFINE(tty_nldly, Enum, "NL?", {NL0, "NL0"}, {NL1, "NL1"})
SCT_XLAT_DEFINE(tty_crdly, Enum, "CR?", {CR0, "CR0"}, {CR1, "CR1"}, {CR2, "CR2"}, {CR3, "CR3"})
SCT_XLAT_DEFINE(tty_tabdly, Enum, "TAB?", {TAB0, "TAB0"}, {TAB1, "TAB1"}, {TAB2, "TAB2"}, {TAB3, "XTABS"})  // strace 6.1 names TAB3 by its alias
SCT_XLAT_DEFINE(tty_bsdly, Enum, "BS?", {BS0, "BS0"}, {BS1, "BS1"})
SCT_XLAT_DEFINE(tty_vtdly, Enum, "VT?", {VT0, "VT0"}, {VT1, "VT1"})
SCT_XLAT_DEFINE(tty_ffdly, Enum, "FF?", {FF0, "FF0"}, {FF1, "FF1"})

SCT_XLAT_DEFINE(tty_baud, Enum, "B???",
                {B0, "B0"}, {B50, "B50"}, {B75, "B75"}, {B110, "B110"}, {B134, "B134"}, {B150, "B150"},
                {B200, "B200"}, {B300, "B300"}, {B600, "B600"}, {B1200, "B1200"}, {B1800, "B1800"},
                {B2400, "B2400"}, {B4800, "B4800"}, {B9600, "B9600"}, {B19200, "B19200"}, {B38400, "B38400"},
                {B57600, "B57600"}, {B115200, "B115200"}, {B230400, "B230400"}, {B460800, "B460800"},
                {B500000, "B500000"}, {B576000, "B576000"}, {B921600, "B921600"}, {B1000000, "B1000000"},
                {B1152000, "B1152000"}, {B1500000, "B1500000"}, {B2000000, "B2000000"},
                {B2500000, "B2500000"}, {B3000000, "B3000000"}, {B3500000, "B3500000"},
                {B4000000, "B4000000"}, {BOTHER, "BOTHER"})

SCT_XLAT_DEFINE(tty_csize, Enum, "CS?", {CS5, "CS5"}, {CS6, "CS6"}, {CS7, "CS7"}, {CS8, "CS8"})

SCT_XLAT_DEFINE(tty_cflags, Flags, "",
                {CSTOPB, "CSTOPB"}, {CREAD, "CREAD"}, {PARENB, "PARENB"}, {PARODD, "PARODD"}, {HUPCL, "HUPCL"},
                {CLOCAL, "CLOCAL"}, {CMSPAR, "CMSPAR"}, {CRTSCTS, "CRTSCTS"})

SCT_XLAT_DEFINE(tty_lflags, Flags, "",
                {ISIG, "ISIG"}, {ICANON, "ICANON"}, {XCASE, "XCASE"}, {ECHO, "ECHO"}, {ECHOE, "ECHOE"},
                {ECHOK, "ECHOK"}, {ECHONL, "ECHONL"}, {NOFLSH, "NOFLSH"}, {IEXTEN, "IEXTEN"},
                {ECHOCTL, "ECHOCTL"}, {ECHOPRT, "ECHOPRT"}, {ECHOKE, "ECHOKE"}, {FLUSHO, "FLUSHO"},
                {PENDIN, "PENDIN"}, {TOSTOP, "TOSTOP"}, {EXTPROC, "EXTPROC"})

SCT_XLAT_DEFINE(tty_line_discs, Enum, "N_???",
                {N_TTY, "N_TTY"}, {N_SLIP, "N_SLIP"}, {N_MOUSE, "N_MOUSE"}, {N_PPP, "N_PPP"},
                {N_STRIP, "N_STRIP"}, {N_AX25, "N_AX25"}, {N_X25, "N_X25"}, {N_6PACK, "N_6PACK"},
                {N_MASC, "N_MASC"}, {N_R3964, "N_R3964"}, {N_PROFIBUS_FDL, "N_PROFIBUS_FDL"},
                {N_IRDA, "N_IRDA"}, {N_SMSBLOCK, "N_SMSBLOCK"}, {N_HDLC, "N_HDLC"}, {N_SYNC_PPP, "N_SYNC_PPP"},
                {N_HCI, "N_HCI"}, {N_GIGASET_M101, "N_GIGASET_M101"}, {N_SLCAN, "N_SLCAN"}, {N_PPS, "N_PPS"},
                {N_V253, "N_V253"}, {N_CAIF, "N_CAIF"}, {N_GSM0710, "N_GSM0710"}, {N_TI_WL, "N_TI_WL"},
                {N_TRACESINK, "N_TRACESINK"}, {N_TRACEROUTER, "N_TRACEROUTER"}, {N_NCI, "N_NCI"},
                {N_SPEAKUP, "N_SPEAKUP"}, {N_NULL, "N_NULL"})

SCT_XLAT_DEFINE(tty_cc_slots, Enum, "",
                {VINTR, "VINTR"}, {VQUIT, "VQUIT"}, {VERASE, "VERASE"}, {VKILL, "VKILL"}, {VEOF, "VEOF"},
                {VTIME, "VTIME"}, {VMIN, "VMIN"}, {VSWTC, "VSWTC"}, {VSTART, "VSTART"}, {VSTOP, "VSTOP"},
                {VSUSP, "VSUSP"}, {VEOL, "VEOL"}, {VREPRINT, "VREPRINT"}, {VDISCARD, "VDISCARD"},
                {VWERASE, "VWERASE"}, {VLNEXT, "VLNEXT"}, {VEOL2, "VEOL2"})

SCT_XLAT_DEFINE(tcxonc_options, Enum, "TC???",
                {TCOOFF, "TCOOFF"}, {TCOON, "TCOON"}, {TCIOFF, "TCIOFF"}, {TCION, "TCION"})

SCT_XLAT_DEFINE(tcflsh_options, Enum, "TC???",
                {TCIFLUSH, "TCIFLUSH"}, {TCOFLUSH, "TCOFLUSH"}, {TCIOFLUSH, "TCIOFLUSH"})

SCT_XLAT_DEFINE(modem_flags, Flags, "TIOCM_???",
                {TIOCM_LE, "TIOCM_LE"}, {TIOCM_DTR, "TIOCM_DTR"}, {TIOCM_RTS, "TIOCM_RTS"},
                {TIOCM_ST, "TIOCM_ST"}, {TIOCM_SR, "TIOCM_SR"}, {TIOCM_CTS, "TIOCM_CTS"},
                {TIOCM_CAR, "TIOCM_CAR"}, {TIOCM_RNG, "TIOCM_RNG"}, {TIOCM_DSR, "TIOCM_DSR"},
                {TIOCM_OUT1, "TIOCM_OUT1"}, {TIOCM_OUT2, "TIOCM_OUT2"}, {TIOCM_LOOP, "TIOCM_LOOP"})
