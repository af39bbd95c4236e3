inline int OPT_x = 1;
BEGIN { OPT_x ? printf("%d %s\n", (int)arg0, $$1) : 1; a["k", 2] += 3; }
