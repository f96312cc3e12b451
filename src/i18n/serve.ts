/** What `amnestia serve` (and `npm start`) prints, in kk, ru and en. */
import type { Text } from './text.ts';

export const SERVE_MESSAGES = {
  opening: { kk: 'Дерекқор ашылуда: {store}', ru: 'Открывается хранилище: {store}', en: 'Opening the store: {store}' },
  registryCreated: {
    kk: 'Дерекқорда тізілім жоқ еді: әдепкі синтетикалық тізілім жүктелді ({persons} адам)',
    ru: 'В хранилище не было реестра: загружен синтетический реестр по умолчанию ({persons} чел.)',
    en: 'The store had no registry: the default synthetic registry was loaded ({persons} persons)',
  },
  actsImported: { kk: 'Жеткізілген актілер жүктелді: {acts}', ru: 'Загружены поставляемые акты: {acts}', en: 'The shipped acts were imported: {acts}' },
  listening: { kk: 'Amnestia жұмыс істеп тұр: {url}', ru: 'Amnestia работает: {url}', en: 'Amnestia is running at {url}' },
  docs: { kk: 'API құжаттамасы: {url}', ru: 'Документация API: {url}', en: 'API documentation: {url}' },
  usersCreated: {
    kk: 'Әр рөлге бір пайдаланушы жасалды (құпиясөздер бір рет қана көрсетіледі; кіру: пайдаланушы аты = рөл):',
    ru: 'Созданы пользователи, по одному на роль (пароли показываются один раз; вход: имя пользователя = роль):',
    en: 'One user per role was created (the passwords are shown only once; sign in with the role as the username):',
  },
  usersFile: { kk: 'Құпиясөздер тек иесі оқи алатын файлда: {file}', ru: 'Пароли сохранены в файл, доступный только владельцу: {file}', en: 'The passwords are in a file only its owner can read: {file}' },
  usersExisting: {
    kk: 'Кіру үшін бірінші іске қосуда берілген құпиясөздерді пайдаланыңыз ({file}) немесе: amnestia users add',
    ru: 'Для входа используйте пароли, выданные при первом запуске ({file}), или: amnestia users add',
    en: 'Sign in with the passwords given at the first start ({file}), or add a user: amnestia users add',
  },
  stopping: { kk: 'Тоқтатылуда…', ru: 'Остановка…', en: 'Stopping…' },
  portTaken: { kk: '{port} порты бос емес: --port арқылы басқасын таңдаңыз', ru: 'Порт {port} занят: выберите другой через --port', en: 'Port {port} is taken: choose another with --port' },
  userAdded: { kk: '{username} ({role}) пайдаланушысы қосылды', ru: 'Добавлен пользователь {username} ({role})', en: 'User {username} ({role}) added' },
  passwordOnce: { kk: 'Құпиясөз (бір рет көрсетіледі): {password}', ru: 'Пароль (показывается один раз): {password}', en: 'Password (shown once): {password}' },
  auditOk: { kk: 'Аудит журналы бүтін: {entries} жазба; соңғы хэш {hash}', ru: 'Журнал аудита цел: записей {entries}; последний хэш {hash}', en: 'The audit log is intact: {entries} entries; head hash {hash}' },
  auditBroken: { kk: 'Аудит журналы бұзылған: {seq} жазбадан бастап — {reason}', ru: 'Журнал аудита нарушен начиная с записи {seq} — {reason}', en: 'The audit log is broken from entry {seq} — {reason}' },
  emptyPassword: { kk: 'Стандартты кірісте құпиясөз жоқ', ru: 'Во входном потоке нет пароля', en: 'No password on standard input' },
} as const satisfies Record<string, Text>;
