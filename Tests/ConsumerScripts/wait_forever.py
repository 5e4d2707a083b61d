"""Never finishes on its own: the consumer runner's test that a script past its timeout is killed."""
import time

time.sleep(600)
