profile:::tick-1s { printf("tick"); exit(0); }
