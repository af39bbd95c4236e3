1 0 net
