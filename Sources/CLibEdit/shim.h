/* readline.h uses FILE without including stdio.h first. */
#include <stdio.h>
#include <editline/readline.h>
