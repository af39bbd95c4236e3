syscall:::entry /execname=="valk"/ { self->ts=timestamp; }
syscall:::return /self->ts/ { @[probefunc]=sum(timestamp-self->ts); self->ts=0; }
END { printa(@); }
