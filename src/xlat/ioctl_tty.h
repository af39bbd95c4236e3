// Terminal tables for the TC*/TIOC* ioctls: termios flag words split the way
// strace 6.1 prints them (delay fields and baud/char size as enums, the rest
// as flags), line disciplines, c_cc slot names, tcflush/tcflow arguments and
// modem lines.
#pragma once

#include "xlat/xlat.h"

namespace sct::xlat {

extern const Xlat tty_iflags;
extern const Xlat tty_oflags;      // OPOST|ONLCR... (delay fields excluded)
extern const Xlat tty_nldly;       // NL0, NL1
extern const Xlat tty_crdly;       // CR0..CR3
extern const Xlat tty_tabdly;      // TAB0..TAB3
extern const Xlat tty_bsdly;       // BS0, BS1
extern const Xlat tty_vtdly;       // VT0, VT1
extern const Xlat tty_ffdly;       // FF0, FF1
extern const Xlat tty_baud;        // B38400...
extern const Xlat tty_csize;       // CS5..CS8
extern const Xlat tty_cflags;      // CREAD|HUPCL... (baud and size excluded)
extern const Xlat tty_lflags;      // ISIG|ICANON...
extern const Xlat tty_line_discs;  // N_TTY...
extern const Xlat tty_cc_slots;    // VINTR...
extern const Xlat tcxonc_options;  // TCOON...
extern const Xlat tcflsh_options;  // TCIFLUSH...
extern const Xlat modem_flags;     // TIOCM_DTR...

}  // namespace sct::xlat
