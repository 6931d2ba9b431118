-- Who co-chaired, then how many topics each theme has.
SELECT held_on, person, organisation FROM v_attendance WHERE role = 'co-chair' ORDER BY held_on;
SELECT theme, count(*) AS topics FROM v_meeting_topic GROUP BY theme ORDER BY topics DESC, theme;
