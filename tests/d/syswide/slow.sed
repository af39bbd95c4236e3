s/took 10[0-9]{5} us/took 10NNNNN us/
