1 1 net
