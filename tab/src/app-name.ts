/** The app's name, as members see it in Teams and mention the bot in a channel. */
export const APP_NAME = 'Leading Together';
